event eAlarm;
event eReading: int;
event eRegister: machine;

spec TooHot observes eReading, eRegister {
    var operator: machine;

    start state Watching {
        on eRegister do (m: machine) {
            operator = m;
        }
        on eReading do (t: int) {
            if (t > 100) {
                send operator, eAlarm;
            }
        }
    }
}
