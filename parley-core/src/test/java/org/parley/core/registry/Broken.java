package org.parley.core.registry;

/** A registrable kind whose test-scope services file names a class that does not exist. */
public interface Broken extends Registered {}
