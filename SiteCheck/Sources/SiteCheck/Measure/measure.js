// The layout problems of the page loaded in the tab, measured as a reader's browser draws it.
// Evaluated by PageMeasurer as `(this function)(options)`; it returns a JSON string that
// PageMeasurement decodes. The definitions (SiteCheck/README.md says them in prose):
//   overlaps  pairs of visible, non-empty SVG texts whose boxes intersect by more than
//             `tolerance` px in both directions (a rotated text's box rotated with it: its
//             getBBox corners through getScreenCTM; unrotated, that is getBoundingClientRect);
//   clipped   texts whose box (rotated as above) reaches outside their own <svg>'s box by more
//             than `tolerance` px;
//   small     texts whose smallest drawn font size (the <text>'s and any <tspan>'s holding
//             characters, times the on-screen scale of getScreenCTM and the page's zoom,
//             visualViewport.scale) is under `smallSize` px;
//   legends   legend boxes (rect.plot-legend-box in g.plot-legend) that cover a data point
//             (sampled every `sampleStep` px along each shape in the svg's g.plot-marks),
//             overlap a text of the svg outside the legend, or straddle a rect.plot-frame;
//   wide      document.documentElement.scrollWidth > the window's width (`windowWidth`: not
//             innerWidth, which on a phone grows to the page's width as Chromium zooms out).
(async function measure(options) {
    const tolerance = options.tolerance;
    await document.fonts.ready;
    // Two frames: styles and fonts applied, layout settled.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

    const round = (value) => Math.round(value * 100) / 100;
    const shown = (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    // Characters that draw something: not spaces, not the zero-width space the plots use to end a subscript.
    const drawn = (text) => text.replace(/[\s\u200b\u200c\u200d\ufeff]/g, '');
    // How far two boxes overlap along x and along y (negative when apart).
    const overlap = (a, b) => ({
        x: Math.min(a.right, b.right) - Math.max(a.left, b.left),
        y: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top),
    });
    const intersects = (a, b) => {
        const o = overlap(a, b);
        return o.x > tolerance && o.y > tolerance;
    };
    // The four corners, on screen, of an element's box in its own user space: a rotated text
    // is a rotated rectangle, whose axis-aligned bounding box would overlap its neighbours'.
    const quadOf = (element) => {
        const b = element.getBBox();
        const m = element.getScreenCTM();
        return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
            .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    };
    // A quad's two edge directions, as unit vectors.
    const axesOf = (q) => [[q[0], q[1]], [q[1], q[2]]].map(([p, r]) => {
        const length = Math.hypot(r.x - p.x, r.y - p.y) || 1;
        return { x: (r.x - p.x) / length, y: (r.y - p.y) / length };
    });
    // How far two quads overlap along each of their edge directions (the first's two, then the
    // second's): they intersect by more than the tolerance when every one exceeds it (separating
    // axes). For unrotated boxes these are the overlaps along x and along y.
    const quadOverlap = (a, b) => [...axesOf(a), ...axesOf(b)].map((axis) => {
        const project = (q) => q.map((p) => p.x * axis.x + p.y * axis.y);
        const pa = project(a), pb = project(b);
        return Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
    });
    const quadsIntersect = (a, b) => quadOverlap(a, b).every((o) => o > tolerance);
    const contains = (outer, inner) =>
        inner.left >= outer.left - tolerance && inner.right <= outer.right + tolerance &&
        inner.top >= outer.top - tolerance && inner.bottom <= outer.bottom + tolerance;
    // The scale from an element's user units to CSS px (a rotation keeps it).
    const scaleOf = (element) => {
        const m = element.getScreenCTM();
        return m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    };
    // Below 1 when a phone shows a page wider than its screen: Chromium zooms out to fit it.
    const zoom = window.visualViewport ? window.visualViewport.scale : 1;
    // A plot's name: its svg's <title>, and the panel's title when the element is in one of
    // several panels of one svg ("Feature distributions › lepton pT").
    const plotName = (element) => {
        const svg = element.ownerSVGElement;
        const title = svg.querySelector(':scope > title');
        const name = (title && title.textContent.trim()) || svg.getAttribute('aria-label') || `svg ${svgs.indexOf(svg) + 1}`;
        const panel = element.closest('g.plot-panel');
        const panelTitle = panel && panel.querySelector('.plot-title');
        return panelTitle && label(panelTitle) ? `${name} › ${label(panelTitle)}` : name;
    };
    const label = (text) => {
        const content = text.textContent.replace(/[\u200b\u200c\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
        return content.length > 60 ? content.slice(0, 59) + '…' : content;
    };
    // The smallest font size, in user units, among the elements that hold the text's characters.
    const fontSize = (text) => {
        let smallest = Infinity;
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (drawn(node.data) === '') continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
        }
        return smallest;
    };

    const svgs = [...document.querySelectorAll('svg')];
    const texts = [];
    for (const text of document.querySelectorAll('svg text')) {
        if (drawn(text.textContent) === '' || !shown(text)) continue;
        const box = text.getBoundingClientRect();
        if (box.width <= 0 || box.height <= 0) continue;
        const svg = text.ownerSVGElement;
        const inLegend = text.closest('g.plot-legend') !== null;
        texts.push({ element: text, svg, box, quad: quadOf(text), inLegend, name: { text: label(text), plot: plotName(text) } });
    }

    const overlaps = [];
    for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
            // The axis-aligned boxes first: quads whose boxes are apart are apart.
            if (!intersects(texts[i].box, texts[j].box)) continue;
            const o = quadOverlap(texts[i].quad, texts[j].quad);
            if (o.every((along) => along > tolerance)) {
                // Along the first text's line and across it.
                overlaps.push({ first: texts[i].name, second: texts[j].name, width: round(o[0]), height: round(o[1]) });
            }
        }
    }

    const clipped = [];
    for (const t of texts) {
        const frame = t.svg.getBoundingClientRect();
        const out = Math.max(...t.quad.map((p) => Math.max(frame.left - p.x, p.x - frame.right, frame.top - p.y, p.y - frame.bottom)));
        if (out > tolerance) clipped.push({ text: t.name, by: round(out) });
    }

    const small = [];
    for (const t of texts) {
        const size = round(fontSize(t.element) * scaleOf(t.element) * zoom);
        if (size < options.smallSize) small.push({ text: t.name, size });
    }

    // Whether any point sampled along `shape` (every `sampleStep` screen px) lies inside `box`.
    const coversData = (shape, box) => {
        const reach = shape.getBoundingClientRect();
        if (reach.right < box.left || reach.left > box.right || reach.bottom < box.top || reach.top > box.bottom) return false;
        const matrix = shape.getScreenCTM();
        const length = shape.getTotalLength();
        const step = options.sampleStep / scaleOf(shape);
        const samples = Math.max(1, Math.ceil(length / step));
        for (let i = 0; i <= samples; i++) {
            const p = shape.getPointAtLength(Math.min(i * step, length));
            const q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
            if (q.x > box.left && q.x < box.right && q.y > box.top && q.y < box.bottom) return true;
        }
        return false;
    };
    const shapeName = (shape) =>
        `${shape.tagName}${shape.getAttribute('class') ? '.' + shape.getAttribute('class').trim().split(/\s+/).join('.') : ''}`;

    const legends = [];
    for (const box of document.querySelectorAll('svg g.plot-legend rect.plot-legend-box')) {
        if (!shown(box)) continue;
        const svg = box.ownerSVGElement;
        const outer = box.getBoundingClientRect();
        const inset = { left: outer.left + 1, right: outer.right - 1, top: outer.top + 1, bottom: outer.bottom - 1 };
        const legendTexts = [...box.closest('g.plot-legend').querySelectorAll('text')].map(label);
        const data = [];
        for (const shape of svg.querySelectorAll('g.plot-marks *')) {
            if (!(shape instanceof SVGGeometryElement) || !shown(shape)) continue;
            if (coversData(shape, inset)) data.push(shapeName(shape));
        }
        const boxQuad = quadOf(box);
        const covered = texts
            .filter((t) => t.svg === svg && !t.inLegend && intersects(outer, t.box) && quadsIntersect(boxQuad, t.quad))
            .map((t) => t.name.text);
        const frames = [...svg.querySelectorAll('rect.plot-frame')]
            .map((frame) => frame.getBoundingClientRect())
            .filter((frame) => intersects(frame, outer) && !contains(frame, outer));
        if (data.length || covered.length || frames.length) {
            legends.push({
                plot: plotName(box), legend: legendTexts.slice(0, 3).join(' / '),
                data, texts: covered, straddlesFrame: frames.length > 0,
            });
        }
    }

    return JSON.stringify({
        svgs: svgs.length,
        texts: texts.length,
        windowWidth: options.windowWidth,
        scrollWidth: document.documentElement.scrollWidth,
        overlaps, clipped, small, legends,
    });
})
