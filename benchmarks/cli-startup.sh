#!/bin/sh
# A one-shot `connectedcar status VIN` with a stored login, before and after: hyperfine runs `java -jar` of an older
# build of the CLI jar, `java -jar` of this one, and the examples/connectedcar launcher (class-data sharing), each
# signed in to its own account file on one standalone simulator.
#
#   benchmarks/cli-startup.sh BEFORE.jar [RUNS]     (after: mvn -B -q -DskipTests package; needs hyperfine)
#
# BEFORE.jar: examples/target/connectedcar.jar of the build to compare with (e.g. of main, copied aside).
set -eu
before=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
runs=${2:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
after=$root/examples/target/connectedcar.jar
work=$(mktemp -d)
port=${PORT:-18181}
sim=http://127.0.0.1:$port
vin=1FTFW1E50PFA00001

java -jar "$root/simulator/target/connectedcar-simulator.jar" --port "$port" --quota 1000000 >"$work/simulator.log" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null; rm -rf "$work"' EXIT
until grep -q "listening at" "$work/simulator.log"; do sleep 0.5; done

# The simulator's login page needs no JavaScript: its BrowserLogin (inside the CLI jar, for the demo) plays the person.
cat >"$work/SignIn.java" <<'JAVA'
public class SignIn {
    public static void main(String[] args) {
        System.out.println(new io.github.connectedcar.simulator.BrowserLogin()
            .signInBlocking(args[0], "demo@example.com", "demo-password"));
    }
}
JAVA
login() { # jar, folder
    mkdir -p "$2"
    url=$(java -jar "$1" --endpoint "$sim" --token-file "$2/tokens.json" login </dev/null 2>&1 \
        | grep -o "$sim/[^ ]*authorize?[^ ]*" | head -1)
    pasted=$(java -cp "$after" "$work/SignIn.java" "$url" | tail -1)
    java -jar "$1" --endpoint "$sim" --token-file "$2/tokens.json" login --redirect-url "$pasted" >/dev/null
}
login "$before" "$work/before"
login "$after" "$work/after"
login "$after" "$work/launcher"

export CONNECTEDCAR_JAR="$after" CONNECTEDCAR_CDS_DIR="$work/cds"
# The CLI's own budget (20 calls a minute) would stop the runs: its count is reset before each.
hyperfine -N -w 2 -r "$runs" --prepare "rm -f $work/before/usage.json $work/after/usage.json $work/launcher/usage.json" \
    -n "before: java -jar" "java -jar $before --endpoint $sim --token-file $work/before/tokens.json status $vin" \
    -n "after: java -jar" "java -jar $after --endpoint $sim --token-file $work/after/tokens.json status $vin" \
    -n "after: examples/connectedcar" \
    "$root/examples/connectedcar --endpoint $sim --token-file $work/launcher/tokens.json status $vin"
