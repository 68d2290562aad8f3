fun Describe(name: string, age: int): string {
    return format("{0} is {1} years old and lives in {2}", name, age);
}
