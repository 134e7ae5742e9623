#!/usr/bin/env python3
"""Checks what headless Chromium made of a Passage HTML page (scripts/browser-check.sh).

Fails when the page wrote anything to the console (a Passage page has no reason to), when the page
asked for anything but itself (every request from the page's own file:// context in Chromium's net
log), or when a chart is missing: for each id given, an element with that id holding an <svg>, in the
DOM after the page's scripts ran.
"""
import argparse
import json
import sys
from html.parser import HTMLParser


class ChartFinder(HTMLParser):
    """Records which of `ids` have an <svg> inside the element carrying that id."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, ids):
        super().__init__()
        self.ids = set(ids)
        self.open = []  # (tag, id or None)
        self.found = set()
        self.seen_ids = set()

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id")
        if element_id in self.ids:
            self.seen_ids.add(element_id)
        if tag == "svg":
            for _, open_id in self.open:
                if open_id in self.ids:
                    self.found.add(open_id)
        if tag not in self.VOID:
            self.open.append((tag, element_id))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break


def console_messages(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return [line.rstrip() for line in log if ":CONSOLE" in line]


def page_requests(net_path):
    """URLs the page itself asked for (its requests carry the file:// isolation key), but itself."""
    with open(net_path, encoding="utf-8") as net:
        text = net.read()
    # Chromium may stop before closing the JSON array.
    try:
        events = json.loads(text)["events"]
    except json.JSONDecodeError:
        events = json.loads(text.rstrip().rstrip(",") + "]}")["events"]
    urls = set()
    for event in events:
        params = event.get("params") or {}
        url = params.get("url", "")
        if "file://" in str(params.get("network_isolation_key", "")) and url and not url.startswith(("file:", "data:")):
            urls.add(url)
    return sorted(urls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dom", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--net", required=True)
    parser.add_argument("--charts", nargs="*", default=[])
    args = parser.parse_args()

    problems = []
    for message in console_messages(args.log):
        problems.append(f"console: {message}")
    for url in page_requests(args.net):
        problems.append(f"request: the page asked for {url}")
    with open(args.dom, encoding="utf-8") as dom:
        html = dom.read()
    if "<html" not in html:
        problems.append("the page did not load (no <html> in the DOM Chromium dumped)")
    finder = ChartFinder(args.charts)
    finder.feed(html)
    for chart in args.charts:
        if chart not in finder.seen_ids:
            problems.append(f"chart: no element with id {chart}")
        elif chart not in finder.found:
            problems.append(f"chart: {chart} has no <svg>")

    for problem in problems:
        print(f"browser-check: {problem}", file=sys.stderr)
    if problems:
        print(f"browser-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"browser-check: page loaded, no console output, no requests, charts present: {' '.join(args.charts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
