package org.anct.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs a single-node OpenSearch 2.19 for tests, from Maven Central jars only.
 *
 * <p>This replaces the distribution's {@code Bootstrap}: no security manager, no JarHell
 * check, no bootstrap checks (Node's {@code validateNodeBeforeAcceptingRequests} is a no-op;
 * only Bootstrap overrides it) and no keystore. The "modules" that a tarball install loads
 * from {@code $OPENSEARCH_HOME/modules} are passed as classpath plugins instead (the same
 * trick as OpenSearch's own test {@code MockNode}).
 *
 * <p>Usage: {@code Launcher HOME_DIR [HTTP_PORT] [key=value ...]}. Extra {@code key=value}
 * arguments are added to (and override) the node settings.
 */
public final class Launcher {

    /** Modules needed by the Wagtail/modelsearch backend: REST over HTTP and the common analyzers. */
    static final List<Class<? extends Plugin>> PLUGINS = Arrays.asList(Netty4Plugin.class, CommonAnalysisPlugin.class);

    /** Node's plugin-taking constructor is protected, hence this subclass. */
    static final class TestNode extends Node {
        TestNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Launcher HOME_DIR [HTTP_PORT] [key=value ...]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        String httpPort = args.length > 1 ? args[1] : "9201";
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("config"));

        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "anct-test")
            .put("node.name", "anct-test-" + httpPort)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", "9300-9400")
            .put("discovery.type", "single-node")
            .put("bootstrap.memory_lock", false)
            // Test machines often have nearly full disks: never flip indices to read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true);
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("bad setting (expected key=value): " + args[i]);
                System.exit(2);
            }
            builder.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Settings settings = builder.build();

        // Logging: log4j configures itself from the log4j2.properties bundled in target/classes
        // (stdout, which start.sh redirects to a file). LogConfigurator.configure() is not used
        // because it expects a distribution layout, and configureWithoutConfig() installs an
        // empty configuration that silences everything.
        LogConfigurator.setNodeName(settings.get("node.name"));

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> settings.get("node.name"));

        Node node = new TestNode(environment, PLUGINS);
        CountDownLatch stopped = new CountDownLatch(1);
        // All OpenSearch threads are daemons: the main thread below keeps the JVM alive
        // until SIGTERM/SIGINT runs this hook, which closes the node cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "anct-opensearch-shutdown"));

        try {
            node.start();
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.out.println("ANCT-OPENSEARCH-STARTED http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
