import { describe, expect, it } from "vitest";
import { parseArticle } from "./import-metadata";
import { charsetOf, checkFetchUrl, dateOnly, describeNetworkError, extractHtmlArticle, htmlArticleText, isPrivateAddress } from "./import-html";

const PAGE = `<!doctype html>
<html lang="vi-VN">
<head>
  <meta charset="utf-8">
  <title>Kim thăm Nga | Báo Mẫu</title>
  <meta property="og:title" content="Kim Jong-un đến Vostochny">
  <meta property="og:site_name" content="Báo Mẫu">
  <meta property="og:url" content="https://bao.example/the-gioi/kim-tham-nga.html">
  <meta property="article:published_time" content="2023-09-13T23:30:00+07:00">
  <meta name="author" content="Lan Nguyễn">
  <link rel="canonical" href="https://bao.example/canonical-ignored.html">
  <style>.ad { color: red } body::after { content: "STYLE TEXT" }</style>
  <script>window.SECRET = "SCRIPT TEXT"; document.title = "hacked";</script>
</head>
<body>
  <nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tg">Thế giới NAV LINK</a></li><li><a href="/kt">Kinh tế</a></li></ul></nav>
  <header><div class="logo">BÁO MẪU HEADER</div></header>
  <aside class="ad sidebar" id="advert"><a href="https://ads.example/buy">Mua ngay AD TEXT giảm 50%</a></aside>
  <main>
    <article>
      <h1>Kim Jong-un đến Vostochny</h1>
      <p>Nhà lãnh đạo Triều Tiên <b>Kim Jong-un</b> đã đến sân bay vũ trụ Vostochny ở Viễn Đông Nga vào sáng 13/9, theo hãng tin TASS.</p>
      <p>Ông Putin đón ông Kim tại cửa sân bay vũ trụ, hai bên bắt tay khoảng 40 giây trước khi vào hội đàm.<br>Cuộc hội đàm kéo dài hơn bốn giờ, theo Điện Kremlin.</p>
      <figure><img src="x.jpg" alt="IMG ALT TEXT" onerror="document.body.innerHTML='PWNED'"><figcaption>Ông Kim và ông Putin tại Vostochny.</figcaption></figure>
      <p>Washington cáo buộc Bình Nhưỡng chuyển đạn pháo cho Moscow, điều mà cả hai nước đều bác bỏ.&nbsp;Các nhà phân tích cho rằng cuộc gặp nhằm thảo luận hợp tác quân sự.</p>
      <script>document.write("INLINE SCRIPT TEXT")</script>
      <p>Đây là chuyến công du nước ngoài đầu tiên của ông Kim kể từ đại dịch, và là lần thứ hai ông gặp ông Putin sau cuộc gặp ở Vladivostok năm 2019.</p>
    </article>
  </main>
  <footer>© 2023 Báo Mẫu FOOTER TEXT. <a href="/lien-he">Liên hệ</a></footer>
  <noscript>NOSCRIPT TEXT</noscript>
</body>
</html>`;

describe("extractHtmlArticle", () => {
  const a = extractHtmlArticle(PAGE, "https://bao.example/the-gioi/kim-tham-nga.html?utm=1");
  const all = [a.title, a.byline, a.publisher, ...a.paragraphs].join("\n");

  it("keeps the article's paragraphs as plain text, one per block or line break", () => {
    expect(a.paragraphs).toEqual([
      "Nhà lãnh đạo Triều Tiên Kim Jong-un đã đến sân bay vũ trụ Vostochny ở Viễn Đông Nga vào sáng 13/9, theo hãng tin TASS.",
      "Ông Putin đón ông Kim tại cửa sân bay vũ trụ, hai bên bắt tay khoảng 40 giây trước khi vào hội đàm.",
      "Cuộc hội đàm kéo dài hơn bốn giờ, theo Điện Kremlin.",
      "Ông Kim và ông Putin tại Vostochny.",
      "Washington cáo buộc Bình Nhưỡng chuyển đạn pháo cho Moscow, điều mà cả hai nước đều bác bỏ. Các nhà phân tích cho rằng cuộc gặp nhằm thảo luận hợp tác quân sự.",
      "Đây là chuyến công du nước ngoài đầu tiên của ông Kim kể từ đại dịch, và là lần thứ hai ông gặp ông Putin sau cuộc gặp ở Vladivostok năm 2019.",
    ]);
  });

  it.each(["NAV LINK", "HEADER", "AD TEXT", "FOOTER TEXT", "SCRIPT TEXT", "STYLE TEXT", "NOSCRIPT", "IMG ALT", "PWNED", "onerror", "<", ">", "hacked"])(
    "lets nothing of %s survive",
    (needle) => expect(all).not.toContain(needle),
  );

  it("takes the metadata the page declares", () => {
    expect(a).toMatchObject({
      title: "Kim Jong-un đến Vostochny",
      byline: "Lan Nguyễn",
      publishedAt: "2023-09-13",
      publisher: "Báo Mẫu",
      url: "https://bao.example/the-gioi/kim-tham-nga.html",
      language: "vi",
    });
  });

  it("feeds the normal import flow: the title is read as the title, never as a paragraph", () => {
    const parsed = parseArticle(htmlArticleText(a));
    expect(parsed.title).toBe("Kim Jong-un đến Vostochny");
    expect(parsed.passages.map((p) => p.text)).toEqual(a.paragraphs);
  });

  it("falls back to the canonical link and the page address, and reads a bare page", () => {
    const bare = extractHtmlArticle(
      `<html><head><link rel="canonical" href="/c.html"><title>T</title></head><body><nav>Menu</nav><p>Only one short paragraph here.</p><script>x()</script></body></html>`,
      "https://site.example/a/b.html",
    );
    expect(bare.url).toBe("https://site.example/c.html");
    expect(bare.paragraphs).toEqual(["Only one short paragraph here."]);
    expect(bare.language).toBeNull();
  });
});

it("keeps the closing credit line, so origins are still detected", () => {
  const page = PAGE.replace("</article>", '<p class="author">(Theo Reuters, TASS)</p></article>');
  const parsed = parseArticle(htmlArticleText(extractHtmlArticle(page)));
  expect(parsed.origins).toEqual(["Reuters", "TASS"]);
  expect(parsed.passages).toHaveLength(6);
});

describe("dateOnly", () => {
  it.each([
    ["2023-09-13T23:30:00+07:00", "2023-09-13"],
    ["2024-06-19", "2024-06-19"],
    ["Tue, 19 Jun 2024 10:00:00 GMT", "2024-06-19"],
    ["soon", null],
    [null, null],
  ])("%s → %s", (value, date) => expect(dateOnly(value)).toBe(date));
});

describe("URL safety", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "224.0.0.1",
  ])("%s is private", (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(["8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (ip) => expect(isPrivateAddress(ip)).toBe(false));

  it.each([
    ["ftp://example.com/a", "Only http:// and https:// addresses can be imported, not ftp:"],
    ["file:///etc/passwd", "Only http:// and https:// addresses can be imported, not file:"],
    ["http://localhost:3000/", "localhost is a local or private address; only public web pages can be imported"],
    ["http://LOCALHOST./", "localhost. is a local or private address; only public web pages can be imported"],
    ["http://2130706433/", "127.0.0.1 is a local or private address; only public web pages can be imported"],
    ["http://127.0.0.1/", "127.0.0.1 is a local or private address; only public web pages can be imported"],
    ["http://[::1]/", "[::1] is a local or private address; only public web pages can be imported"],
    ["http://user:pw@example.com/", "Addresses with a user name or password cannot be imported"],
    ["example.com/news", "“example.com/news” is not a web address; enter a full URL starting with http:// or https://"],
  ])("refuses %s", (url, error) => expect(checkFetchUrl(url)).toEqual({ ok: false, error }));

  it("accepts a public https address", () => expect(checkFetchUrl(" https://vnexpress.net/a.html ").ok).toBe(true));
});

describe("charsetOf", () => {
  const head = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["text/html; charset=windows-1258", "", "windows-1258"],
    ["text/html", '<meta charset="ISO-8859-1">', "windows-1252"],
    ["", '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "utf-8"],
    ["text/html; charset=klingon", "", "utf-8"],
    ["", "<p>no declaration</p>", "utf-8"],
  ])("%s + %s → %s", (type, html, label) => expect(charsetOf(type, head(html))).toBe(label));
});

describe("describeNetworkError", () => {
  it.each([
    ["ENOTFOUND", "the host name was not found"],
    ["ETIMEDOUT", "no answer within 10 s"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "the secure connection failed (certificate problem)"],
    ["EWHATEVER", null],
    [undefined, null],
  ])("%s → %s", (code, text) => expect(describeNetworkError(code, 10_000)).toBe(text));
});

describe("extractHtmlArticle: headline and byline", () => {
  const page = `<html><head><title>Trang chủ | Báo Ví Dụ - Tin nhanh 24h</title><meta name="author" content="Minh Trần"></head><body>
    <main><article><h1>Nga và Triều Tiên ký hiệp ước đối tác</h1><p>Minh Trần</p>
    <p>Tổng thống Putin và ông Kim Jong-un đã ký hiệp ước đối tác chiến lược toàn diện tại Bình Nhưỡng ngày 19/6.</p>
    <p>Hiệp ước bao gồm điều khoản hỗ trợ lẫn nhau nếu một bên bị tấn công, theo hãng tin KCNA của Triều Tiên.</p>
    <p>Các nước phương Tây bày tỏ lo ngại về sự hợp tác quân sự ngày càng chặt chẽ giữa hai nước.</p></article></main></body></html>`;
  const a = extractHtmlArticle(page);

  it("takes the page's <h1> as the title, not the <title> with the site's name", () => {
    expect(a.title).toBe("Nga và Triều Tiên ký hiệp ước đối tác");
  });

  it("keeps neither the headline nor the byline line as body text", () => {
    expect(a.byline).toBe("Minh Trần");
    expect(a.paragraphs[0]).toMatch(/^Tổng thống Putin/);
    expect(a.paragraphs).not.toContain("Minh Trần");
    expect(a.paragraphs).not.toContain("Nga và Triều Tiên ký hiệp ước đối tác");
  });
});
