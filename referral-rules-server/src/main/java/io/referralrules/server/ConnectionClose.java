package io.referralrules.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after a request whose body was not read to its end (a batch over its limit): Tomcat then
 * stops reading the body instead of swallowing the rest, the answer already written ends cleanly, and the connection
 * is not reused. A request asks for it with the request attribute {@link #ATTRIBUTE}.
 */
final class ConnectionClose extends ValveBase {
    /** Set to {@code Boolean.TRUE} to close the connection after the answer. */
    static final String ATTRIBUTE = ConnectionClose.class.getName();

    ConnectionClose() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE))) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
