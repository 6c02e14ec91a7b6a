package io.rediscover.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /api/docs/}: the files of its WebJar, with our own {@code swagger-initializer.js} that points it
 * at {@code /api/openapi.json}. The WebJar's page loads scripts and styles from files only, so it runs under the
 * server's {@code Content-Security-Policy: default-src 'self'} as it is.
 */
final class ApiDocsServlet extends MountedServlet {

    private static final long serialVersionUID = 1L;
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String INITIALIZER = "/swagger-initializer.js";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "map", "application/json");
    private final String root = WEBJAR + webjarVersion() + "/";

    @Override
    public String pathSpec() {
        return "/api/docs/*";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo();
        if (file == null) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        if (file.equals("/")) {
            file = "/index.html";
        }
        String resource = file.equals(INITIALIZER) ? "io/rediscover/web/swagger-initializer.js" : root + file.substring(1);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ClassLoader loader = ApiDocsServlet.class.getClassLoader();
        try (InputStream in = file.contains("..") || !TYPES.containsKey(extension) ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocsServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties p = new Properties();
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the class path");
            }
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the swagger-ui WebJar's version", e);
        }
    }
}
