// The client names an event the server file never declares.
machine Client {
    var server: Server;

    start state Asking {
        entry (s: Server) {
            server = s;
            send server, eQuery, 1;
        }
    }
}
