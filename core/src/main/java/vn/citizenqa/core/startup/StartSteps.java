package vn.citizenqa.core.startup;

import java.util.function.Supplier;

/**
 * Times the parts of building an assistant, so that a function's init can be taken apart (the functions log them as
 * init steps); {@link #NONE} times nothing.
 */
public interface StartSteps {

    StartSteps NONE = new StartSteps() {
        @Override
        public <T> T time(String step, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs one part of the build, timed as {@code step}. */
    <T> T time(String step, Supplier<T> work);
}
