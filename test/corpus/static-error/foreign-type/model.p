// A type declared without a definition would come from foreign code.
type tHandle;

machine FileUser {
    var handle: tHandle;

    start state S {
    }
}
