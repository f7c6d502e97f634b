"""Builds what scripts/bench-progress needs, through the real pages of a running server:
a trainer's course with one lesson on a real transcoded video, a group of N learners who
each logged in with their access code and opened the lesson. Prints one line per
learner: session token, CSRF token, lesson id. Standard library only."""

import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, username, password, video_path, count = sys.argv[1:6]
count = int(count)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    return opener, jar


def call(opener, path, data=None, headers=None):
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def post(opener, page, path, fields):
    _, _, html = call(opener, page)
    body = urllib.parse.urlencode(fields + [("csrf_token", csrf(html))]).encode()
    return call(opener, path, body)


def expect_redirect(result, what):
    status, headers, text = result
    if status != 303:
        sys.exit(f"bench fixture: {what} failed with {status}: {text[:300]}")
    return headers["Location"]


trainer, _ = browser()
expect_redirect(post(trainer, "/login", "/login", [("username", username), ("password", password)]), "login")

# The video goes through the real upload form and the real pipeline.
_, _, page = call(trainer, "/trainer/videos")
boundary = "lernwerk-bench-boundary"
with open(video_path, "rb") as f:
    video = f.read()
parts = [
    f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{csrf(page)}\r\n'.encode(),
    f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench\r\n'.encode(),
    f'--{boundary}\r\nContent-Disposition: form-data; name="video"; filename="bench.mp4"\r\n'
    "Content-Type: video/mp4\r\n\r\n".encode() + video + b"\r\n",
    f"--{boundary}--\r\n".encode(),
]
location = expect_redirect(
    call(trainer, "/trainer/videos", b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}),
    "upload",
)
video_id = location.rsplit("/", 1)[1]
for _ in range(600):
    _, _, page = call(trainer, location)
    if "/offline.mp4" in page:  # the preview appears once the package is ready
        break
    if "form-error" in page:
        sys.exit("bench fixture: transcoding failed")
    time.sleep(0.5)
else:
    sys.exit("bench fixture: the video did not become ready in 5 minutes")

course = expect_redirect(
    post(trainer, "/trainer/courses", "/trainer/courses",
         [("title", "Bench"), ("language", "de"), ("topic", "numbers"), ("level", "1")]),
    "course",
)
expect_redirect(post(trainer, course, course + "/modules", [("title", "Eins")]), "module")
_, _, page = call(trainer, course)
module_id = re.search(r"/trainer/modules/(\d+)/lessons", page).group(1)
expect_redirect(
    post(trainer, course, f"/trainer/modules/{module_id}/lessons", [("title", "Eins"), ("video_id", video_id)]),
    "lesson",
)
_, _, page = call(trainer, course)
lesson_id = re.search(r'href="/trainer/lessons/(\d+)"', page).group(1)
expect_redirect(post(trainer, course, course + "/publish", [("published", "1")]), "publish")
group = expect_redirect(post(trainer, "/trainer/groups", "/trainer/groups", [("name", "Bench")]), "group")
course_id = course.rsplit("/", 1)[1]
expect_redirect(post(trainer, group, group + "/courses", [("course_id", course_id)]), "assign")
_, _, page = call(trainer, group)
join_code = re.search(r'class="access-code">([A-Z0-9-]+)<', page).group(1)

_, _, home = call(trainer, "/trainer")
token = csrf(home)
for i in range(count):
    body = urllib.parse.urlencode([("nickname", ""), ("csrf_token", token)]).encode()
    status, _, page = call(trainer, "/trainer/learners", body)
    if status != 201:
        sys.exit(f"bench fixture: creating learner {i} failed with {status}")
    code = re.search(r'class="access-code"[^>]*>([A-Z0-9-]+)<', page).group(1)
    learner, jar = browser()
    expect_redirect(post(learner, "/code", "/code", [("code", code)]), "learner login")
    expect_redirect(post(learner, "/learn", "/learn/join", [("code", join_code)]), "join")
    status, _, page = call(learner, f"/learn/lessons/{lesson_id}")
    if status != 200:
        sys.exit(f"bench fixture: opening the lesson failed with {status}")
    session = next(c.value for c in jar if c.name == "lw_session")
    print(session, csrf(page), lesson_id, flush=True)
