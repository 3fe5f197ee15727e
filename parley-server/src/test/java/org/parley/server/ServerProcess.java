package org.parley.server;

import org.parley.store.Databases;
import org.parley.store.RecordStore;

/** A server in a process of its own, for the kill -9 test: prints its port, then serves until killed. */
public final class ServerProcess {

    private ServerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        RecordStore store = Databases.open(args[0]);
        ParleyServer server = ParleyServer.start("127.0.0.1", 0, store);
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
