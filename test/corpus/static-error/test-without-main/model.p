// A test whose module has two machines must say which one starts.
machine Client { start state Init { entry { new Server(); } } }
machine Server { start state Serve { } }
test tcBoth: { Client, Server };
