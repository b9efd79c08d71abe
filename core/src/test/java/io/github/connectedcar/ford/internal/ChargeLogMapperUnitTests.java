package io.github.connectedcar.ford.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.connectedcar.exception.DecodeException;
import io.github.connectedcar.model.ChargeLocation;
import io.github.connectedcar.model.ChargingSession;
import io.github.connectedcar.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class ChargeLogMapperUnitTests {
    /** An entry in the shape the FordPass clients read (docs/ford-api.md §4.4). */
    private static final String LOG = """
        {"energyTransferLogs":[
          {"id":"a1","deviceId":"3FMTK3SU5PMA00002","chargerType":"AC_BASIC","energyConsumed":31.418,
           "timeStamp":"2026-05-01T06:10:00Z","targetSoc":80,
           "plugDetails":{"plugInTime":"2026-04-30T22:01:00Z","plugOutTime":"2026-05-01T06:30:00Z",
                          "totalPluggedInTime":30540,"plugInDte":120.0,"totalDistanceAdded":162.5},
           "power":{"min":0.0,"max":11.2,"average":5.1,"weightedAverage":7.9},
           "stateOfCharge":{"firstSOC":38,"lastSOC":80,"socDifference":42},
           "energyTransferDuration":{"begin":"2026-04-30T22:02:00Z","end":"2026-05-01T06:10:00Z","totalTime":29280},
           "location":{"id":7,"type":"SAVED","name":"Home","address":{"address1":"1 American Road","city":"Dearborn",
                       "state":"MI","country":"USA","postalCode":"48126"},"latitude":42.3,"longitude":-83.2}},
          {"id":17,"energyConsumed":"oops","plugDetails":{"plugInTime":"2026-04-20T10:00:00Z"},"location":"somewhere",
           "energyTransferDuration":{"begin":12}},
          "not an entry"
        ]}""";

    @Test
    void sessionsCarryStartEndEnergyLocationAndCharger() {
        List<ChargingSession> sessions = ChargeLogMapper.toSessions(Fixtures.json(LOG));
        assertThat(sessions).hasSize(2);
        ChargingSession home = sessions.get(0);
        assertThat(home.id()).contains("a1");
        assertThat(home.start()).contains(Instant.parse("2026-04-30T22:02:00Z"));
        assertThat(home.end()).contains(Instant.parse("2026-05-01T06:10:00Z"));
        assertThat(home.duration()).contains(Duration.ofSeconds(29_280));
        assertThat(home.energyKwh()).isEqualTo(OptionalDouble.of(31.418));
        assertThat(home.chargerType()).contains("AC_BASIC");
        assertThat(home.firstStateOfCharge()).isEqualTo(OptionalDouble.of(38));
        assertThat(home.lastStateOfCharge()).isEqualTo(OptionalDouble.of(80));
        assertThat(home.maxPowerKw()).isEqualTo(OptionalDouble.of(11.2));
        assertThat(home.rangeAddedKm()).isEqualTo(OptionalDouble.of(162.5));
        ChargeLocation location = home.location().orElseThrow();
        assertThat(location.name()).contains("Home");
        assertThat(location.city()).contains("Dearborn");
        assertThat(location.latitude()).isEqualTo(OptionalDouble.of(42.3));
        assertThat(home.raw().get("deviceId").stringValue()).isEqualTo("3FMTK3SU5PMA00002");
    }

    @Test
    void oddFieldsMakeEmptyGettersNeverExceptions() {
        ChargingSession odd = ChargeLogMapper.toSessions(Fixtures.json(LOG)).get(1);
        assertThat(odd.id()).contains("17");
        assertThat(odd.energyKwh()).isEmpty();
        assertThat(odd.start()).as("begin is no time: the plug-in time stands in")
            .contains(Instant.parse("2026-04-20T10:00:00Z"));
        assertThat(odd.end()).isEmpty();
        assertThat(odd.duration()).isEmpty();
        assertThat(odd.location()).isEmpty();
        assertThat(odd.chargerType()).isEmpty();
        assertThat(odd.maxPowerKw()).isEmpty();
        assertThat(odd.toString()).contains("energy=?");
    }

    @Test
    void anAnswerWithoutTheListHasNoSessions() {
        assertThat(ChargeLogMapper.toSessions(Fixtures.json("{}"))).isEmpty();
        assertThat(ChargeLogMapper.toSessions(Fixtures.json("{\"energyTransferLogs\":{\"id\":\"x\"}}"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"log\"", "null"})
    void anAnswerThatIsNoObjectIsADecodeError(String body) {
        assertThatThrownBy(() -> ChargeLogMapper.toSessions(Fixtures.json(body))).isInstanceOf(DecodeException.class)
            .satisfies(error -> assertThat(((DecodeException) error).getOperation()).isEqualTo("energy-transfer-logs"));
    }

    @Test
    void theRequestNamesTheCarInTheDeviceIdHeader() {
        var request = FordApi.ENERGY_TRANSFER_LOGS.request(io.github.connectedcar.ford.Endpoints.ford(),
            io.github.connectedcar.ford.Region.NORTH_AMERICA, "20");
        assertThat(request.uri().toString()).isEqualTo(
            "https://api.vehicle.ford.com/api/electrification/experiences/v2/devices/energy-transfer-logs?maxRecords=20");
    }
}
