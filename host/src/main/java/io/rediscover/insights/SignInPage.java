package io.rediscover.insights;

/** What the print view answers a browser that is not signed in (or whose session ended). */
final class SignInPage {

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Sign in to Rediscover</title>
            <link rel="stylesheet" href="/insights-print.css">
            </head>
            <body>
            <h1>Sign in to Rediscover</h1>
            <p>The print view of insights shows your organisation's data: <a href="/">sign in</a>, then print again.</p>
            </body>
            </html>
            """;

    private SignInPage() {
    }
}
