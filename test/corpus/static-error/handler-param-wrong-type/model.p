event eTemperature: float;

machine Thermostat {
    var last: int;

    start state Reading {
        on eTemperature do (t: int) {
            last = t;
        }
    }
}
