//! The web UI in a real browser: `entente serve` on a store built by
//! `entente run`, pages loaded by headless Chromium, their DOM checked and
//! screenshots saved under `target/screenshots/`.
//!
//! Needs Chromium (Debian's `chromium`, or the binary named by `CHROMIUM`);
//! without it these tests fail, saying so.

use super::serve::{store_with, Server};
use super::*;

fn chromium() -> PathBuf {
    let candidates = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            [
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome",
            ]
            .map(PathBuf::from),
        );
    for c in candidates {
        if c.exists() {
            return c;
        }
    }
    panic!(
        "Chromium not found: the browser tests need it. Install it (apt-get install -y chromium) \
         or set CHROMIUM to its path."
    );
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).expect("creates target/screenshots");
    dir
}

/// A headless Chromium run with a fresh profile; `args` say what to do.
fn browse(url: &str, args: &[String]) -> Output {
    let profile = tempfile::tempdir().expect("profile dir");
    Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            // Lets the page's fetches finish before the DOM is taken.
            "--virtual-time-budget=10000",
            "--window-size=1280,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs")
}

/// The DOM of a page after its script ran, and a screenshot of it.
fn page(server: &Server, route: &str, name: &str) -> String {
    let url = server.url(&format!("/#/{route}"));
    let out = browse(&url, &["--dump-dom".to_string()]);
    assert!(
        out.status.success(),
        "chromium --dump-dom {url}: {}",
        stderr_of(&out)
    );
    let dom = stdout_of(&out);
    let shot = screenshots().join(format!("{name}.png"));
    let out = browse(&url, &[format!("--screenshot={}", shot.display())]);
    assert!(
        out.status.success(),
        "chromium --screenshot {url}: {}",
        stderr_of(&out)
    );
    assert!(
        dom.contains("data-ready="),
        "{route}: the page did not finish rendering:\n{dom}"
    );
    assert!(
        !dom.contains("id=\"error\""),
        "{route}: the page shows an error:\n{}",
        error_text(&dom)
    );
    dom
}

fn error_text(dom: &str) -> &str {
    dom.split("id=\"error\"")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or(dom)
}

/// Every `href="#/PREFIX..."` in a DOM, in order.
fn links<'a>(dom: &'a str, prefix: &str) -> Vec<&'a str> {
    let needle = format!("href=\"#/{prefix}");
    dom.match_indices(&needle)
        .filter_map(|(i, _)| dom[i + 6..].split('"').next())
        .collect()
}

/// Texts of the elements whose class list contains `class`.
fn marked(dom: &str, class: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in dom.split("class=\"").skip(1) {
        let Some((classes, rest)) = part.split_once('"') else {
            continue;
        };
        if !classes.split(' ').any(|c| c == class) {
            continue;
        }
        if let Some(text) = rest.split_once('>').and_then(|(_, t)| t.split('<').next()) {
            out.push(text.to_string());
        }
    }
    out
}

/// The text of each highlighted mention, by its index in the article's
/// mentions: the pieces whose `data-mention` lists N, joined (other marks
/// may cut a mention in pieces; overlapping mentions share pieces).
fn mention_texts(dom: &str) -> std::collections::BTreeMap<usize, String> {
    let mut out = std::collections::BTreeMap::new();
    for part in dom.split("data-mention=\"").skip(1) {
        let Some((n, rest)) = part.split_once('"') else {
            continue;
        };
        let text = rest
            .split_once('>')
            .and_then(|(_, t)| t.split('<').next())
            .unwrap_or("");
        for n in n.split(' ').filter_map(|n| n.parse::<usize>().ok()) {
            out.entry(n)
                .or_insert_with(String::new)
                .push_str(&unescape(text));
        }
    }
    out
}

/// The fill of every legend swatch (`class="swatch"`), in order; `""` for
/// one without a fill, which would draw black.
fn swatch_fills(dom: &str) -> Vec<&str> {
    dom.split("class=\"swatch\"")
        .skip(1)
        .map(|part| {
            let part = part.split("</svg>").next().unwrap_or("");
            part.split("fill=\"")
                .nth(1)
                .and_then(|f| f.split('"').next())
                .unwrap_or("")
        })
        .collect()
}

fn assert_coloured_swatches(dom: &str, page: &str) {
    let fills = swatch_fills(dom);
    assert!(!fills.is_empty(), "{page} has a legend with swatches");
    for f in &fills {
        assert!(
            !f.is_empty()
                && !["black", "#000", "#000000"].contains(&f.to_ascii_lowercase().as_str()),
            "{page}: a legend swatch is black: {fills:?}"
        );
    }
}

/// The few entities Chromium's serialiser writes in text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

const HOSTILE: &str =
    "Protesters in Honiara carried a sign reading <script>document.title='pwned'</script> \
    and <img src=x onerror=alert(1)> on Friday.\n\nThe Solomon Islands government said nothing.";

#[test]
fn click_through_search_article_and_alliances() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(
        dir.path(),
        &[
            ("hostile.txt", HOSTILE),
            ("talks.txt", "Japan and Australia held talks in Tokyo on Wednesday about 2,000 troops.\n\nBoth sides praised the meeting."),
            ("aid.txt", "New Zealand will send 50 soldiers to Fiji next month, its defence minister said."),
        ],
    );
    let server = Server::start(&db, &[]);

    // Home, then search, then the first hit: URLs taken from the DOM.
    let home = page(&server, "", "home");
    assert!(
        home.contains("class=\"stat\""),
        "home shows the store's counts"
    );
    // Issue 13: the latest events first, and the latest articles.
    let latest = home
        .split("id=\"latest-events\"")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("home lists the latest events");
    let dates: Vec<&str> = latest
        .split("<tr><td>")
        .skip(1)
        .filter_map(|r| r.split('<').next())
        .collect();
    assert!(!dates.is_empty(), "latest events have dates: {latest}");
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest event first: {dates:?}"
    );
    let articles = home
        .split("id=\"latest-articles\"")
        .nth(1)
        .and_then(|t| t.split("</ol>").next())
        .expect("home lists the latest articles");
    assert!(
        links(articles, "article/").len() >= 3,
        "the three articles and the seed are listed: {articles}"
    );
    let results = page(&server, "search?q=Sogavare", "search");
    let article_link = links(&results, "article/")
        .first()
        .map(|s| s.to_string())
        .expect("a hit links to its article");
    let id = article_link.trim_start_matches("#/article/").to_string();

    let api = server.get_json(&format!("/api/articles/{id}"));
    let dom = page(&server, &format!("article/{id}"), "article");
    assert_eq!(
        dom.matches("class=\"para\"").count(),
        11,
        "the seed article has 11 paragraphs"
    );
    // Every actor the annotate stage found is highlighted, linking to its record.
    let pieces = mention_texts(&dom);
    let mentioned: Vec<&str> = api["mentions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["text"].as_str())
        .collect();
    for (i, text) in mentioned.iter().enumerate() {
        assert_eq!(
            pieces.get(&i).map(String::as_str),
            Some(*text),
            "mention {i} is highlighted whole"
        );
    }
    for name in ["NATO", "Ardern", "Sogavare"] {
        if mentioned.iter().any(|m| m.contains(name)) {
            assert!(
                pieces.values().any(|a| a.contains(name)),
                "{name} is highlighted"
            );
        } else {
            eprintln!("note: the annotate stage does not yet find {name:?} in the seed article");
        }
    }
    assert!(!marked(&dom, "date").is_empty(), "dates are highlighted");
    assert!(
        !marked(&dom, "qty").is_empty(),
        "quantities are highlighted"
    );
    // Every event is listed with its date, and its evidence is marked.
    let events = api["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        dom.matches("id=\"event-").count(),
        events.len(),
        "one row per event"
    );
    for e in &events {
        if let Some(d) = e["date"].as_str() {
            assert!(dom.contains(d), "event date {d} is shown");
        }
    }
    if !events.is_empty() {
        assert!(
            dom.contains("class=\"hl ev") || dom.contains(" ev "),
            "event evidence is highlighted"
        );
        let selected = page(&server, &format!("article/{id}?ev=0"), "article-event");
        assert!(
            selected.contains("class=\"selected\""),
            "an event's link selects its record"
        );
    }
    if api["deployments"].as_array().is_some_and(|d| !d.is_empty()) {
        assert!(
            !marked(&dom, "dep").is_empty() || dom.contains(" dep"),
            "deployments are highlighted"
        );
    }
    // An actor's link leads to its page.
    if let Some(actor) = links(&dom, "actor/").first() {
        page(&server, actor.trim_start_matches("#/"), "actor");
    }

    // Who is bound to defend Belgium on 2022-04-08: the 29 other NATO members.
    let dom = page(
        &server,
        "alliances?org=NATO&on=2022-04-08&attacked=BEL",
        "alliances",
    );
    let nato = dom
        .split("data-treaty=\"North Atlantic Treaty\"")
        .nth(1)
        .expect("the North Atlantic Treaty binds states to defend Belgium");
    let nato = nato.split("data-treaty=").next().unwrap_or(nato);
    let nato = nato.split("id=\"alliance-map\"").next().unwrap_or(nato);
    let codes: Vec<&str> = nato
        .match_indices("<li data-code=\"")
        .filter_map(|(i, m)| nato[i + m.len()..].split('"').next())
        .collect();
    assert_eq!(codes.len(), 29, "{codes:?}");
    assert!(
        !codes.contains(&"BEL"),
        "Belgium does not defend itself under Article 5"
    );
    for c in ["USA", "FRA", "DEU", "TUR", "MKD"] {
        assert!(codes.contains(&c), "{c} is bound: {codes:?}");
    }
    assert!(
        dom.matches("class=\"country obligated\"").count() >= 29,
        "the map shows them"
    );
    assert!(
        dom.contains("class=\"country attacked\" data-code=\"BEL\""),
        "the map marks Belgium"
    );
    assert!(
        dom.contains("id=\"members\""),
        "the members of NATO are listed"
    );
    assert_coloured_swatches(&dom, "alliances");
    // Issue 13: every member links to a page, with or without events.
    let members = dom.split("id=\"members\"").nth(1).unwrap_or("");
    let member_links = links(members, "actor/");
    assert!(member_links.len() >= 29, "{member_links:?}");
    for m in member_links
        .iter()
        .filter(|m| m.ends_with("/ISL") || m.ends_with("/FIN") || m.ends_with("/USA"))
    {
        let code = m.trim_start_matches("#/actor/");
        let actor = page(
            &server,
            m.trim_start_matches("#/"),
            &format!("actor-{code}"),
        );
        assert!(actor.contains("<h1>"), "{m} shows its page");
    }
    assert!(
        member_links.iter().any(|m| m.ends_with("/ISL")),
        "Iceland is a member: {member_links:?}"
    );
    let iceland = page(&server, "actor/ISL", "actor-empty");
    assert!(
        iceland.contains("Iceland") && iceland.contains("id=\"no-events\""),
        "an actor without events shows its page with a note"
    );
}

#[test]
fn article_text_is_shown_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(dir.path(), &[("hostile.txt", HOSTILE)]);
    let server = Server::start(&db, &[]);
    let hits = server.get_json("/api/search?q=Protesters");
    let id = hits["hits"][0]["id"]
        .as_str()
        .expect("the hostile article is stored")
        .to_string();
    let api = server.get_json(&format!("/api/articles/{id}"));
    let text = api["text"].as_str().unwrap_or("");
    let dom = page(&server, &format!("article/{id}"), "hostile");
    assert!(
        !dom.contains("<title>pwned"),
        "no script from the article ran"
    );
    assert!(
        !dom.contains("<script>document.title"),
        "the article's <script> is not an element"
    );
    assert!(
        !dom.contains("<img src=\"x\""),
        "the article's <img> is not an element"
    );
    if text.contains("<script>") {
        assert!(
            dom.contains("&lt;script&gt;document.title"),
            "the article's <script> shows as text"
        );
    }
}

#[test]
fn explorer_pages_render() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(dir.path(), &[]);
    let server = Server::start(&db, &[]);
    for (route, name, must) in [
        (
            "events?from=2022-01-01&to=2022-12-31",
            "events",
            "id=\"timeline\"",
        ),
        ("network", "network", "id=\"network\""),
        ("map", "map", "id=\"map\""),
        ("deployments", "deployments", "Deployments"),
        ("updates", "updates", "updates"),
    ] {
        let dom = page(&server, route, name);
        assert!(dom.contains(must), "{route} shows {must}");
    }
    // Issue 13: the timeline bins by density, with ticks and four colours.
    let dom = page(&server, "events?from=2022-01-01&to=2022-12-31", "events");
    let chart = dom
        .split("id=\"timeline\"")
        .nth(1)
        .and_then(|c| c.split("</svg>").next())
        .unwrap_or("");
    assert!(
        ["day", "week", "month"]
            .iter()
            .any(|u| chart.contains(&format!("data-bin=\"{u}\""))),
        "the timeline says its bin: {chart}"
    );
    assert!(
        chart.matches("class=\"tick\"").count() > 2,
        "more than two date ticks: {chart}"
    );
    let fills: std::collections::BTreeSet<&str> = chart
        .split("class=\"swatch-q ")
        .skip(1)
        .filter_map(|r| r.split("fill=\"").nth(1))
        .filter_map(|f| f.split('"').next())
        .collect();
    assert_eq!(fills.len(), 4, "one colour per quad class: {fills:?}");
    assert!(
        chart.contains("<rect class=\"q"),
        "the seed article's events are drawn: {chart}"
    );
    // Issue 13: directed edges and a legend in colour.
    let dom = page(&server, "network", "network");
    let edges = dom.matches("class=\"edge edge-").count();
    assert!(edges > 0, "the seed article's events draw edges");
    assert_eq!(
        dom.matches("marker-end=\"url(#arrow-").count(),
        edges,
        "every edge ends in an arrowhead"
    );
    assert!(dom.contains("<marker id=\"arrow-coop\"") && dom.contains("<marker id=\"arrow-conf\""));
    assert_coloured_swatches(&dom, "network");
    let dom = page(&server, "map", "map");
    assert!(
        dom.matches("class=\"country").count() > 150,
        "the map draws the world's countries"
    );
}

/// Issue 13: events are drawn where they happened: a point at each city,
/// region or sea, and the countries they happened in shaded; `place=`
/// selects the events that happened in a country.
#[test]
fn the_map_draws_points_at_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(
        dir.path(),
        &[(
            "places.txt",
            "Russian forces shelled a market in Kherson on Monday.\n\n\
             China deployed warships in the South China Sea on Tuesday.\n\n\
             Russia deployed troops to Belarus on Wednesday.",
        )],
    );
    let server = Server::start(&db, &[]);
    let map = server.get_json("/api/map");
    let places: Vec<&str> = map["places"]
        .as_array()
        .expect("the map lists places")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(places.contains(&"Kherson"), "{places:?}");
    assert!(places.contains(&"South China Sea"), "{places:?}");
    // Russia's deployment to Belarus happened in Belarus.
    let blr = server.get_json("/api/events?place=BLR");
    let found = blr["events"].as_array().map_or(0, Vec::len);
    assert!(found >= 1, "the deployment is placed in Belarus: {blr}");
    let dom = page(&server, "map", "map-places");
    let points = dom.matches("class=\"place place-").count();
    assert!(points >= 2, "the map draws a point per place: {points}");
    assert!(dom.contains("data-name=\"Kherson\""), "a point at Kherson");
    assert!(
        dom.contains("class=\"country shade"),
        "the countries events happened in are shaded"
    );
    assert_coloured_swatches(&dom, "map");
}

/// Issue 13: a proposal reads as a sentence with links, not as JSON.
#[test]
fn updates_read_as_sentences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = store_with(
        dir.path(),
        &[(
            "finland.txt",
            "Finland formally joined NATO on Tuesday, doubling the alliance's border with Russia.",
        )],
    );
    let server = Server::start(&db, &[]);
    let api = server.get_json("/api/updates");
    let n = api["updates"].as_array().map_or(0, Vec::len);
    assert!(n > 0, "the accession is proposed: {api}");
    let dom = page(&server, "updates", "updates-proposed");
    assert_eq!(
        dom.matches("class=\"card update\"").count(),
        n,
        "one card per proposal"
    );
    assert!(!dom.contains("{\""), "no raw JSON is shown");
    assert!(
        dom.contains("href=\"#/actor/FIN\"") && dom.contains(" joins "),
        "the accession reads as a sentence linking Finland"
    );
    assert!(
        dom.contains("Finland formally joined NATO"),
        "the evidence is quoted"
    );
}
