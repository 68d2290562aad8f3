enum Mode { FAST, SAFE }
param retries: int;

fun Configure() {
    FAST = SAFE;
    retries = 3;
}
