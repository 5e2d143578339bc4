package vn.citizenqa.runner;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.OfficerApiHandler;
import vn.citizenqa.functions.QueueWatchHandler;
import vn.citizenqa.functions.WebhookHandler;
import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.console.ConsoleSettings;
import vn.citizenqa.functions.watch.UrgentBacklog;

/**
 * The handler classes template.yaml names, each built as its no-argument constructor builds it in Lambda, but from a
 * given environment and store (a Lambda reads {@code System.getenv()}, which a local run cannot set).
 */
public final class LocalHandlers {

    @FunctionalInterface
    public interface Factory {
        RequestHandler<?, ?> build(Map<String, String> env, Store store);
    }

    private static final Map<String, Factory> BY_CLASS = Map.of(
            WebhookHandler.class.getName(), LocalHandlers::webhook,
            OfficerApiHandler.class.getName(), LocalHandlers::officerApi,
            QueueWatchHandler.class.getName(), LocalHandlers::queueWatch);

    private LocalHandlers() {
    }

    public static WebhookHandler webhook(Map<String, String> env, Store store) {
        return new WebhookHandler(Wiring.webhook(WebhookSettings.from(env), store, Clock.systemUTC()));
    }

    /** As Lambda runs it: the claims come in the event, checked by API Gateway's authorizer beforehand. */
    public static OfficerApiHandler officerApi(Map<String, String> env, Store store) {
        return new OfficerApiHandler(Wiring.officerApi(env, store, Clock.systemUTC()), new ConsoleAssets(ConsoleSettings.from(env)));
    }

    public static QueueWatchHandler queueWatch(Map<String, String> env, Store store) {
        // Locally the function's log goes to standard error, as sam local invoke shows it, so standard output is the response.
        return new QueueWatchHandler(new UrgentBacklog(store, Clock.systemUTC()), Clock.systemUTC(), System.err);
    }

    /** The factory for a handler class, by its name as the template writes it. */
    public static Optional<Factory> forClass(String className) {
        return Optional.ofNullable(BY_CLASS.get(className));
    }

    /** The {@code I} and {@code O} of the {@code RequestHandler<I, O>} a handler class implements, or null. */
    public static Type[] eventTypes(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                // By name: a handler loaded as Lambda loads it sees its own copy of RequestHandler.
                if (t instanceof ParameterizedType p && p.getRawType().getTypeName().equals(RequestHandler.class.getName())) {
                    return p.getActualTypeArguments();
                }
            }
        }
        return null;
    }
}
