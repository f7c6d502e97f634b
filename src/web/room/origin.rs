//! A WebSocket upgrade carries no CSRF token, and browsers open sockets to any site: the
//! `Origin` header (set by the browser, not by page script) must name this server.

use actix_web::http::header;
use actix_web::HttpRequest;

/// True when `Origin` is `http(s)://<the Host this request was sent to>`.
pub fn is_same_origin(req: &HttpRequest) -> bool {
    let header_str = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let (Some(origin), Some(host)) = (header_str(header::ORIGIN), header_str(header::HOST)) else {
        return false;
    };
    let authority = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    authority.is_some_and(|a| !a.is_empty() && a.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::is_same_origin;

    fn check(origin: Option<&str>, host: &str) -> bool {
        let mut req = TestRequest::default().insert_header(("host", host));
        if let Some(origin) = origin {
            req = req.insert_header(("origin", origin));
        }
        is_same_origin(&req.to_http_request())
    }

    #[test]
    fn only_this_servers_own_pages() {
        assert!(check(Some("http://127.0.0.1:8080"), "127.0.0.1:8080"));
        assert!(check(Some("https://lernwerk.example"), "lernwerk.example"));
        assert!(!check(Some("http://evil.example"), "127.0.0.1:8080"));
        assert!(!check(Some("http://127.0.0.1:8081"), "127.0.0.1:8080"));
        assert!(!check(
            Some("http://127.0.0.1:8080.evil.example"),
            "127.0.0.1:8080"
        ));
        assert!(!check(Some("null"), "127.0.0.1:8080"));
        assert!(!check(None, "127.0.0.1:8080"));
    }
}
