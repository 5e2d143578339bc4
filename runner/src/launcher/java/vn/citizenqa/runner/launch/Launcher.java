package vn.citizenqa.runner.launch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The runner jar's entry point, compiled for Java 11 so that an older {@code java} can load it and say in one sentence
 * what is needed, instead of an {@code UnsupportedClassVersionError} about the real entry point (compiled for 25).
 */
public final class Launcher {

    static final int NEEDED = 25;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = Runtime.version().feature();
        if (feature < NEEDED) {
            System.err.println("citizen-qa needs Java " + NEEDED + " or newer, but " + System.getProperty("java.home")
                    + " is Java " + feature + ": run the jar with a JDK " + NEEDED + "'s java (set JAVA_HOME to it, then use \"$JAVA_HOME/bin/java\" -jar).");
            System.exit(1);
        }
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName("vn.citizenqa.runner.CitizenQa"), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }
}
