package org.parley.core.registry;

import java.util.List;

/** A registrable kind that exists only in the tests, registered in test-scope META-INF/services. */
public interface Greeting extends Registered {

    String greet(String name);

    /** Registered: key "hello", alias "hi". */
    final class Hello implements Greeting {
        @Override
        public String key() {
            return "hello";
        }

        @Override
        public List<String> aliases() {
            return List.of("hi", "good-day");
        }

        @Override
        public String title() {
            return "hello";
        }

        @Override
        public String description() {
            return "says hello";
        }

        @Override
        public String greet(String name) {
            return "hello, " + name;
        }
    }

    /** Registered: key "farewell". */
    class Farewell implements Greeting {
        @Override
        public String key() {
            return "farewell";
        }

        @Override
        public String title() {
            return "farewell";
        }

        @Override
        public String description() {
            return "says goodbye";
        }

        @Override
        public String greet(String name) {
            return "goodbye, " + name;
        }
    }

    /** Not registered: a second entry answering to "hi". */
    final class Hi implements Greeting {
        @Override
        public String key() {
            return "hi";
        }

        @Override
        public String title() {
            return "hi";
        }

        @Override
        public String description() {
            return "says hi";
        }

        @Override
        public String greet(String name) {
            return "hi, " + name;
        }
    }
}
