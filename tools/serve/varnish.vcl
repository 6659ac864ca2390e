vcl 4.1;
# HTTP cache in front of the app servers (tools/serve/varnish.sh fills the backend).
# Anonymous GET/HEAD pages are cached for the s-maxage the site sends; a session or a
# messages cookie, the admin, search and the engineering forms always go to the app.
# Wagtail's frontend cache (home/frontend_cache.py) invalidates with BAN from loopback.
import std;

backend default {
    .host = "127.0.0.1";
    .port = "BACKEND_PORT";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            # X-Ban-Url is a regular expression on the path and query string.
            ban("obj.http.X-Url ~ " + req.http.X-Ban-Url);
            return (synth(200, "Banned"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never cached: administration, search (any query), engineering requests and alerts (forms,
    # personal data), and whoever has a session or a pending message.
    if (req.url ~ "^/(admin|recherche|ingenierie|alertes|django-admin)(/|$|\?)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (csrftoken, analytics) says nothing the page depends on.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # The site speaks French only: one cached copy whatever the browser's languages.
    unset req.http.Accept-Language;
    # Hashed static files come pre-compressed in brotli too: ask the app for it when the
    # client takes it and keep it as its own cache object.
    if (req.url ~ "^/static/" && req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.X-Brotli = "1";
    } else {
        unset req.http.X-Brotli;
    }
    return (hash);
}

sub vcl_hash {
    # One site: the path and query are the key (Django already refuses unknown hosts),
    # so a purge sent with the site's host name reaches what any allowed host cached.
    hash_data(req.url);
    if (req.http.X-Brotli) {
        hash_data("br");
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Brotli) {
        set bereq.http.Accept-Encoding = "br";
    }
}

sub vcl_backend_response {
    set beresp.http.X-Url = bereq.url;
    # Compress text the app sent plain, but only responses meant to be shared: a private
    # page may hold a CSRF token, which compression would expose (BREACH).
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml)|image/svg)"
        && beresp.http.Cache-Control !~ "(private|no-store)") {
        set beresp.do_gzip = true;
    }
}

sub vcl_deliver {
    unset resp.http.X-Url;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
