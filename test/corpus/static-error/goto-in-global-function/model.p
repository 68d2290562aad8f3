fun Finish() {
    goto Done;
}

machine Job {
    start state Running {
        entry {
            Finish();
        }
    }

    state Done {
    }
}
