package io.github.connectedcar.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example service: the account's cars over HTTP (JSON, server-sent events, problem details) and a page at
 * {@code /}, on the auto-configured client of connectedcar-spring-boot-starter. By default it runs against a
 * simulator of Ford's cloud inside the same process ({@link SimulatorConfiguration}).
 */
@SpringBootApplication
public class ServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServiceApplication.class, args);
    }
}
