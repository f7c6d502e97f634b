//! A small tus client for the protocol tests: each request built by hand, so that every
//! header can also be sent wrong. Uses the browser's cookie jar (the session) and the
//! CSRF token of the trainer's videos page.

use base64::Engine;
use reqwest::{Method, RequestBuilder, Response};

use crate::helpers::{csrf_in, Browser};

pub const ENDPOINT: &str = "/api/v1/uploads";

pub fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

pub fn metadata(filename: &str, title: &str) -> String {
    format!("filename {},title {}", b64(filename), b64(title))
}

/// sha1/sha256 of `bytes` as an `Upload-Checksum` value.
pub fn checksum(algorithm: &str, bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = match algorithm {
        "sha256" => sha2::Sha256::digest(bytes).to_vec(),
        "sha1" => <sha1::Sha1 as sha1::Digest>::digest(bytes).to_vec(),
        other => panic!("no {other}"),
    };
    format!(
        "{algorithm} {}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

pub struct Tus<'a> {
    pub browser: &'a Browser,
    pub csrf: String,
}

impl<'a> Tus<'a> {
    pub async fn new(browser: &'a Browser) -> Tus<'a> {
        let html = browser.get("/trainer/videos").await.text().await.unwrap();
        let csrf = csrf_in(&html).unwrap_or_default();
        Tus { browser, csrf }
    }

    /// A request with `Tus-Resumable` and the CSRF header, ready for more headers.
    pub fn request(&self, method: Method, url: &str) -> RequestBuilder {
        let url = if url.starts_with("http") {
            url.to_owned()
        } else {
            format!("{}{url}", self.browser.address)
        };
        self.browser
            .client
            .request(method, url)
            .header("Tus-Resumable", "1.0.0")
            .header("X-CSRF-Token", &self.csrf)
    }

    pub async fn create_raw(&self, length: u64, meta: &str) -> Response {
        self.request(Method::POST, ENDPOINT)
            .header("Upload-Length", length.to_string())
            .header("Upload-Metadata", meta)
            .send()
            .await
            .unwrap()
    }

    /// Creates an upload and returns its URL.
    pub async fn create(&self, length: u64, filename: &str) -> String {
        let response = self.create_raw(length, &metadata(filename, "")).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.headers()["location"].to_str().unwrap().to_owned()
    }

    pub async fn patch(&self, url: &str, offset: u64, body: Vec<u8>) -> Response {
        self.patch_with(url, offset, body, None).await
    }

    pub async fn patch_with(
        &self,
        url: &str,
        offset: u64,
        body: Vec<u8>,
        checksum: Option<&str>,
    ) -> Response {
        let mut request = self
            .request(Method::PATCH, url)
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", offset.to_string());
        if let Some(checksum) = checksum {
            request = request.header("Upload-Checksum", checksum);
        }
        request.body(body).send().await.unwrap()
    }

    pub async fn head(&self, url: &str) -> Response {
        self.request(Method::HEAD, url).send().await.unwrap()
    }

    pub async fn delete(&self, url: &str) -> Response {
        self.request(Method::DELETE, url).send().await.unwrap()
    }

    /// The `Upload-Offset` HEAD reports.
    pub async fn offset(&self, url: &str) -> u64 {
        let response = self.head(url).await;
        assert_eq!(response.status(), 200);
        header_u64(&response, "upload-offset")
    }
}

pub fn header_u64(response: &Response, name: &str) -> u64 {
    response.headers()[name].to_str().unwrap().parse().unwrap()
}

pub fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

/// The token at the end of an upload URL.
pub fn token_of(url: &str) -> &str {
    url.rsplit('/').next().unwrap()
}

/// Deterministic bytes that differ at every position within a window (so that
/// interleaved or shifted chunks would show).
pub fn pattern(length: usize, seed: u8) -> Vec<u8> {
    (0..length)
        .map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[i % 4] ^ seed)
        .collect()
}

/// A staff member logged in with a client whose cookies can be read, for requests
/// written by hand on a raw connection.
pub struct Session {
    pub browser: Browser,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Session {
    pub async fn new(app: &crate::helpers::TestApp, role: lernwerk::accounts::Role) -> (Session, i64) {
        let name = crate::helpers::unique_name("staff");
        let id = app.create_staff(role, &name).await;
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = crate::helpers::client_builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        let browser = Browser {
            client,
            address: app.address.clone(),
        };
        let response = browser.login(&name, crate::helpers::PASSWORD).await;
        assert_eq!(response.status(), 303);
        (Session { browser, jar }, id)
    }

    /// The `Cookie` header this session's browser sends.
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = self.browser.address.parse().unwrap();
        self.jar.cookies(&url).unwrap().to_str().unwrap().to_owned()
    }
}

/// A PATCH written by hand on its own TCP connection: the headers, then as much of the
/// body as the test wants, whenever it wants.
pub struct RawPatch {
    pub stream: tokio::net::TcpStream,
}

impl RawPatch {
    pub async fn start(
        tus: &Tus<'_>,
        cookie: &str,
        url: &str,
        offset: u64,
        content_length: u64,
        extra: &str,
    ) -> RawPatch {
        use tokio::io::AsyncWriteExt;
        let parsed: reqwest::Url = url.parse().unwrap();
        let host = format!("{}:{}", parsed.host_str().unwrap(), parsed.port().unwrap());
        let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
        let head = format!(
            "PATCH {} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nX-CSRF-Token: {}\r\nTus-Resumable: 1.0.0\r\n\
             Content-Type: application/offset+octet-stream\r\nUpload-Offset: {offset}\r\n\
             Content-Length: {content_length}\r\n{extra}\r\n",
            parsed.path(),
            tus.csrf
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        RawPatch { stream }
    }

    pub async fn send(&mut self, bytes: &[u8]) {
        use tokio::io::AsyncWriteExt;
        self.stream.write_all(bytes).await.unwrap();
        self.stream.flush().await.unwrap();
    }

    /// The status line's code of the answer.
    pub async fn status(mut self) -> u16 {
        use tokio::io::AsyncReadExt;
        let mut answer = vec![0u8; 4096];
        let n = self.stream.read(&mut answer).await.unwrap();
        let text = String::from_utf8_lossy(&answer[..n]);
        text.split(' ').nth(1).unwrap().parse().unwrap()
    }
}

/// Waits until HEAD reports `offset` (the server notices a dropped body a little later
/// than the client drops it).
pub async fn wait_for_offset(tus: &Tus<'_>, url: &str, offset: u64) -> u64 {
    let mut last = u64::MAX;
    for _ in 0..100 {
        last = tus.offset(url).await;
        if last == offset {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    last
}

impl Tus<'_> {
    /// A PATCH as a real client sends it after a dropped connection: a 423 (the server
    /// is still finishing the old request) is retried after a moment.
    pub async fn patch_when_free(
        &self,
        url: &str,
        offset: u64,
        body: Vec<u8>,
        checksum: Option<&str>,
    ) -> Response {
        for _ in 0..50 {
            let response = self.patch_with(url, offset, body.clone(), checksum).await;
            if response.status() != 423 {
                return response;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the upload stayed locked");
    }
}
