event eFill;

machine Tank {
    start state Empty {
        on eFill goto Full;
    }

    hot state Full {
        ignore eFill;
    }
}
