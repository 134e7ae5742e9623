/// The page's only style sheet, inline (nothing may be fetched). Colours are the Okabe–Ito palette,
/// told apart by colour-blind readers; charts also use patterns and symbols, never colour alone.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; color: #111; background: #fff; margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; border-bottom: 2px solid #111; padding-bottom: .3rem; }
        h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #999; }
        h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        p { margin: .3rem 0; }
        .warning { border: 3px solid #D55E00; background: #fff4ec; padding: .6rem .8rem; }
        .table { overflow-x: auto; margin: .5rem 0 1rem; }
        .table:focus, figure:focus-within { outline: 3px solid #0072B2; outline-offset: 2px; }
        table { border-collapse: collapse; font-size: .9rem; }
        th, td { border: 1px solid #bbb; padding: .2rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; }
        th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
        th button:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
        th[aria-sort="ascending"] button::after { content: " \\25B2"; }
        th[aria-sort="descending"] button::after { content: " \\25BC"; }
        tbody th { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .entry { margin: .6rem 0; }
        .entry ul { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
        figure { margin: 1rem 0 2rem; }
        figcaption { font-weight: bold; margin-bottom: .4rem; }
        svg { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; font-size: 12px; fill: #111; }
        @media print {
          main { max-width: none; padding: 0; }
          body { font-size: 10pt; }
          * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .table { overflow: visible; }
          table { font-size: 8pt; }
          h2 { break-after: avoid; }
          figure, tr, .entry { break-inside: avoid; }
        }
        """
}
