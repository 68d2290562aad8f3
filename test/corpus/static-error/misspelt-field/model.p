type tRequest = (client: machine, key: string, value: int);

fun Describe(r: tRequest): string {
    return format("{0} = {1}", r.key, r.valeu);
}
