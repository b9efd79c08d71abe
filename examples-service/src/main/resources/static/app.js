// The page of the connectedcar example service: plain JavaScript, no build step.
'use strict';

const $ = (selector, root = document) => root.querySelector(selector);
const streams = new Map();

async function api(path, options = {}) {
  const response = await fetch(path, options);
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.status === 204 ? null : response.json();
}

async function problemOf(response) {
  let problem;
  try {
    problem = await response.json();
  } catch (notJson) {
    problem = { status: response.status, title: response.statusText };
  }
  const error = new Error(problem.detail || problem.title || ('HTTP ' + response.status));
  error.problem = problem;
  return error;
}

// --- account and login ---------------------------------------------------------------------------------------

async function refreshAccount() {
  const account = await api('/api/account');
  $('#budget').textContent = account.budgetLimit > 100000 ? 'Budget: unlimited'
    : 'Budget: ' + account.budgetRemaining + ' of ' + account.budgetLimit + ' requests left today'
      + (account.lockout === 'OPEN' ? ' (stopped after failed logins)' : '');
  if (account.simulator) {
    $('#simulator-hint').textContent = ' (the simulator: sign in as ' + account.simulator.username + ' / '
      + account.simulator.password + ')';
  }
  return account;
}

async function beginLogin() {
  $('#login-message').textContent = '';
  try {
    const login = await api('/api/login', { method: 'POST' });
    const link = $('#authorize-url');
    link.href = login.authorizeUrl;
    link.textContent = "Ford's sign-in page";
    $('#login-steps').hidden = false;
    $('#login-form').hidden = false;
    $('#redirect-url').focus();
  } catch (error) {
    $('#login-message').textContent = error.message;
  }
}

async function completeLogin(event) {
  event.preventDefault();
  $('#login-message').textContent = 'Signing in…';
  try {
    await api('/api/login/complete', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ redirectUrl: $('#redirect-url').value }),
    });
    $('#login-message').textContent = '';
    $('#redirect-url').value = '';
    await start();
  } catch (error) {
    $('#login-message').textContent = error.message;
  }
}

// --- cars and their live status ------------------------------------------------------------------------------

async function loadCars() {
  const cars = await api('/api/vehicles');
  const list = $('#cars');
  list.replaceChildren();
  for (const car of cars) {
    const card = $('#car-template').content.firstElementChild.cloneNode(true);
    card.dataset.vin = car.vin;
    $('.name', card).textContent = car.nickname || [car.modelYear, car.modelName].filter(Boolean).join(' ') || car.vin;
    $('.vin', card).textContent = car.vin;
    for (const button of card.querySelectorAll('button[data-command]')) {
      button.addEventListener('click', () => sendCommand(card, car.vin, button.dataset.command));
    }
    list.append(card);
    watch(card, car.vin);
  }
  if (cars.length === 0) {
    $('#message').textContent = 'This account has no cars.';
  }
}

function watch(card, vin) {
  streams.get(vin)?.close();
  const source = new EventSource('/api/vehicles/' + encodeURIComponent(vin) + '/status/stream');
  streams.set(vin, source);
  source.addEventListener('status', event => showStatus(card, JSON.parse(event.data)));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      $('#message').textContent = 'The live status of ' + vin + ' stopped; reload the page to try again.';
      refreshAccount().then(account => { if (!account.signedIn) showLogin(); }).catch(() => {});
    }
  });
}

function showStatus(card, status) {
  const set = (field, text) => { $('[data-field="' + field + '"]', card).textContent = text; };
  const percent = value => Math.round(value) + ' %';
  set('energy', status.evStateOfChargePercent != null ? percent(status.evStateOfChargePercent) + ' charge'
    : status.fuelLevelPercent != null ? percent(status.fuelLevelPercent) + ' fuel' : '–');
  const range = status.evRangeKm ?? status.fuelRangeKm;
  set('range', range != null ? Math.round(range) + ' km' : '–');
  set('locks', status.allDoorsLocked == null ? '–' : status.allDoorsLocked ? 'Locked' : 'Unlocked');
  const left = status.remoteStartSecondsLeft;
  set('remoteStart', left > 0 ? 'Running, ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0')
    + ' left' : 'Off');
  set('ignition', status.ignition ?? '–');
  set('doors', !status.openDoors ? '–' : status.openDoors.length === 0 ? 'All closed'
    : 'Open: ' + status.openDoors.join(', ').toLowerCase().replaceAll('_', ' '));
  set('updated', status.updateTime ? new Date(status.updateTime).toLocaleTimeString() : '–');
}

// --- commands ------------------------------------------------------------------------------------------------

async function sendCommand(card, vin, command) {
  const progress = $('.progress', card);
  const buttons = card.querySelectorAll('button[data-command]');
  buttons.forEach(button => { button.disabled = true; });
  progress.textContent = command + ': sending…';
  const steps = [];
  // Timed here, on one clock: the car's own time stamps may run on another.
  const startedAt = performance.now();
  try {
    const response = await fetch('/api/vehicles/' + encodeURIComponent(vin) + '/commands/' + command,
      { method: 'POST', headers: { Accept: 'text/event-stream' } });
    if (!response.ok) {
      throw await problemOf(response);
    }
    await readEvents(response, (name, data) => {
      if (name === 'progress') {
        steps.push(data.state);
        progress.textContent = command + ': ' + steps.join(' → ');
      } else if (name === 'result') {
        progress.innerHTML = '';
        const done = document.createElement('span');
        done.className = 'done';
        done.textContent = command + ': ' + steps.join(' → ') + ' ('
          + ((performance.now() - startedAt) / 1000).toFixed(1) + ' s)';
        progress.append(done);
      } else if (name === 'error') {
        throw Object.assign(new Error(data.detail || data.title), { problem: data });
      }
    });
  } catch (error) {
    progress.innerHTML = '';
    const failed = document.createElement('span');
    failed.className = 'failed';
    failed.textContent = command + ': ' + error.message;
    progress.append(failed);
    if (error.problem && error.problem.status === 401) {
      showLogin();
    }
  } finally {
    buttons.forEach(button => { button.disabled = false; });
    refreshAccount().catch(() => {});
  }
}

// Reads a text/event-stream body, calling onEvent(name, parsed data) for each event.
async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (data.length > 0) {
        onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }
}

// --- start ---------------------------------------------------------------------------------------------------

function showLogin() {
  streams.forEach(source => source.close());
  streams.clear();
  $('#cars').replaceChildren();
  $('#login').hidden = false;
}

async function start() {
  $('#message').textContent = '';
  try {
    const account = await refreshAccount();
    if (!account.signedIn) {
      showLogin();
      return;
    }
    $('#login').hidden = true;
    await loadCars();
  } catch (error) {
    $('#message').textContent = error.message;
    if (error.problem && error.problem.status === 401) {
      showLogin();
    }
  }
}

$('#begin-login').addEventListener('click', beginLogin);
$('#login-form').addEventListener('submit', completeLogin);
setInterval(() => refreshAccount().catch(() => {}), 15000);
start();
