machine Session {
    start state Active {
        exit (reason: string) {
            print reason;
        }
    }
}
