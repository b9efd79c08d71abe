package io.github.connectedcar.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event at DEBUG and above (root logger, plus any named loggers whose level the test
 * configuration lowered) until closed, with the console appender detached meanwhile; restores everything on close.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level rootLevel;
    private final Map<Logger, Level> overridden = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    /**
     * @param alsoAtDebug loggers that the test configuration sets to a higher level (such as
     *                    {@code reactor.netty.http.client.HttpClientConnect}); they are set to DEBUG meanwhile
     */
    public LogCapture(String... alsoAtDebug) {
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(detached::add);
        detached.forEach(root::detachAppender);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        for (String name : alsoAtDebug) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            overridden.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Each event as one text: level, logger, formatted message and the whole chain of its throwable. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                + event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    line.append(" | suppressed ").append(suppressed.getClassName()).append(": ")
                        .append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
        overridden.forEach(Logger::setLevel);
        detached.forEach(root::addAppender);
    }

    /** A throwable's class and message, its causes' and its suppressed exceptions', for secret checks. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
            for (Throwable suppressed : t.getSuppressed()) {
                text.append("suppressed ").append(suppressed).append(" | ");
            }
        }
        return text.toString();
    }
}
