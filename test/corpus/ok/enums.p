// Enums with implicit values and with written values, compared, converted with `to`, and used as
// map keys.
enum Color { RED, GREEN, BLUE }
enum HttpStatus { OK = 200, NOT_FOUND = 404, UNAVAILABLE = 503 }
enum Level { LOW = -1, MEDIUM, HIGH = 5 }

event eStatus: HttpStatus;

machine TrafficLight receives eStatus; {
    var color: Color;
    var seen: map[HttpStatus, int];
    var level: Level;

    start state Cycling {
        entry {
            assert color == RED, "enums start at their first element";
            assert (HIGH to int) == 5 && (MEDIUM to int) == 0 && (LOW to int) == -1;
            color = Next(color);
            level = 5 to Level;
        }
        on eStatus do (s: HttpStatus) {
            var code: int;
            code = s to int;
            if (!(s in seen)) {
                seen[s] = 0;
            }
            seen[s] = seen[s] + 1;
            if (code >= 500) {
                color = RED;
            } else if (s == OK) {
                color = GREEN;
            }
        }
    }

    fun Next(c: Color): Color {
        return ((c to int) + 1) % 3 to Color;
    }
}

machine Monitoring {
    start state Start {
        entry {
            var light: TrafficLight;
            light = new TrafficLight();
            send light, eStatus, OK;
            send light, eStatus, UNAVAILABLE;
            send light, eStatus, NOT_FOUND;
        }
    }
}

test Lights [main=Monitoring]: { Monitoring, TrafficLight };
