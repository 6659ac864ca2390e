vcl 4.1;
# HTTP cache in front of the app servers (tools/serve/varnish.sh fills the placeholders in
# capitals: the app server's port, the TLS terminators, the largest request body; its
# "vcl" action prints the result for Debian's own varnish service). Anonymous GET/HEAD pages are cached for
# the s-maxage the site sends; a session or a messages cookie, the admin, search and the
# engineering forms always go to the app. The site invalidates with BAN from loopback
# (core/frontend_cache.py).
import std;

backend default {
    .host = "127.0.0.1";
    .port = "BACKEND_PORT";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may invalidate: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Who may say the visitor came over HTTPS (X-Forwarded-Proto) and from which address
# (X-Forwarded-For): the TLS terminator in front. Anyone else is a plain-HTTP client.
acl tls_terminators {
    TLS_TERMINATORS
}

sub vcl_recv {
    if (req.method == "BAN") {
        call ban_from_path;
    }
    call forwarded_by;
    # Only the app may say a body was too large (see below): never a client.
    unset req.http.X-Request-Body-Too-Large;
    if (std.integer(req.http.Content-Length, 0) > REQUEST_BODY_MAX_BYTES) {
        # The app answers with its French 413 page without the body, which Varnish
        # drops (vcl_backend_fetch): forwarding it would break the connection when the
        # app refuses it, and the visitor would get "503 Backend fetch failed".
        set req.http.X-Request-Body-Too-Large = req.http.Content-Length;
        return (pass);
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
    call normalise;
    return (hash);
}

sub ban_from_path {
    # The ban is built here from the path of the request line, checked against the
    # characters of the site's own (percent-encoded) paths, never concatenated from a
    # header: X-Ban-Scope says "page" (the path, with any query string) or "prefix"
    # (everything under it).
    if (client.ip !~ purgers) {
        return (synth(405, "Not allowed"));
    }
    if (req.url !~ "^/[A-Za-z0-9/._~%-]*$") {
        return (synth(400, "Bad path"));
    }
    set req.http.X-Ban-Pattern = "^" + regsuball(req.url, "\.", "\\.");
    if (req.http.X-Ban-Scope == "prefix") {
        ban("obj.http.X-Url ~ " + req.http.X-Ban-Pattern);
    } else {
        ban("obj.http.X-Url ~ " + req.http.X-Ban-Pattern + "(\?|$)");
    }
    return (synth(200, "Banned"));
}

sub forwarded_by {
    # The scheme and the client's address are decided here, once: a visitor's own
    # X-Forwarded-Proto or X-Forwarded-For is replaced (the app believes them only
    # from its trusted proxies, core/client_address.py).
    if (client.ip ~ tls_terminators) {
        if (req.http.X-Forwarded-Proto != "https") {
            set req.http.X-Forwarded-Proto = "http";
        }
    } else {
        set req.http.X-Forwarded-Proto = "http";
        set req.http.X-Forwarded-For = client.ip;
    }
}

sub normalise {
    # Any other cookie (csrftoken, analytics) says nothing the page depends on.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # The site speaks French only: one cached copy whatever the browser's languages.
    unset req.http.Accept-Language;
    # One key per name of the site: case, a trailing dot and the scheme's own port
    # change nothing.
    set req.http.Host = regsub(std.tolower(req.http.Host), "\.?(:(80|443))?$", "");
    # Only the query parameters the site reads (tests/serving/test_varnish_config.py
    # checks the list against the code), sorted: tracking tags and made-up parameters
    # neither reach the app nor make new cache objects.
    set req.url = regsuball(req.url, "(?<=[?&])(?!(?:beneficiaire|c|commune|departement|h|modalite|n1|n2|n3|n4|p|page|politique|programme|q|statut|taille|thematique|v)=)[^&]*(&|$)", "");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    # Hashed static files come pre-compressed in brotli too: ask the app for it when the
    # client takes it (q-value above 0) and keep it as its own cache object.
    if (req.url ~ "^/static/" && req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(,|$|;\s*q=(1|0?\.[0-9]*[1-9]))") {
        set req.http.X-Brotli = "1";
    } else {
        unset req.http.X-Brotli;
    }
}

sub vcl_hash {
    # Path and query (normalised above), the site's name and the scheme: a plain-HTTP
    # visitor never fills the cache HTTPS visitors read. A ban by path reaches them all.
    hash_data(req.url);
    hash_data(req.http.Host);
    hash_data(req.http.X-Forwarded-Proto);
    if (req.http.X-Brotli) {
        hash_data("br");
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Request-Body-Too-Large) {
        unset bereq.body;
    }
    if (bereq.http.X-Brotli) {
        set bereq.http.Accept-Encoding = "br";
    }
}

sub vcl_backend_response {
    set beresp.http.X-Url = bereq.url;
    # Only a page: never a redirect or an error, whatever a header says.
    if (beresp.status != 200 && beresp.status != 304) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
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
