machine Light {
    start state Off {
    }
}

fun Broken(n: int) {
}

invariant lights: forall (l: Light) :: l is On;
invariant numbers: forall (l: Light) :: l is Broken;
