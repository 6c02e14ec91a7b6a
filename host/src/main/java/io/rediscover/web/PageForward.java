package io.rediscover.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Answers a {@link Page}'s path by forwarding the request (its query string included) to the API resource behind it. */
final class PageForward extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final String target;

    /** @param page the page */
    PageForward(Page page) {
        this.target = page.apiPath();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(target).forward(request, response);
    }
}
