package vn.citizenqa.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Reads an event from its JSON as Lambda's Java runtime does, with AWS's own serialization library: the event classes
 * of {@code aws-lambda-java-events} through their Lambda serializers (field names as the services send them), any other
 * type through the runtime's plain Jackson binding.
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /**
     * @param type the {@code I} of the handler's {@code RequestHandler<I, O>}
     * @param loader the class loader the handler came from (the event class is the one it sees)
     * @throws IOException when the bytes are not a JSON object of that shape, naming the type
     */
    public static Object read(byte[] json, Type type, ClassLoader loader) throws IOException {
        if (!new String(json, StandardCharsets.UTF_8).strip().startsWith("{")) {
            throw new IOException("an event is a JSON object");
        }
        try {
            PojoSerializer<?> serializer = type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())
                    ? LambdaEventSerializers.serializerFor(c, loader)
                    : JacksonFactory.getInstance().getSerializer(type);
            return serializer.fromJson(new ByteArrayInputStream(json));
        } catch (RuntimeException e) {
            throw new IOException("not a " + type.getTypeName() + " event: " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
