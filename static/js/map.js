// Progressive enhancement: draws the results or service map with Leaflet (window.L, loaded by
// its own <script src> before this one). The page works without it: the list and addresses are
// the content, the map only repeats them. Markup it looks for:
//   <div class="kp-map-anchor" data-label="Kaart met resultaten"
//        data-points='[{"lat":52.1,"lon":5.1,"name":"…","url":"/services/…"}]'
//        data-tiles-attribution="© OpenStreetMap-bijdragers"
//        data-zoom-in="Inzoomen" data-zoom-out="Uitzoomen"></div>   (the last two optional)
// Data from the page is only ever put into the DOM as text, never as HTML.
(function () {
  'use strict';

  var kTileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  var kCopyrightUrl = 'https://www.openstreetmap.org/copyright';

  function ParsePoints(text) {
    var points;
    try {
      points = JSON.parse(text || '[]');
    } catch (error) {
      return [];
    }
    if (!Array.isArray(points)) return [];
    return points.filter(function (point) {
      return point && typeof point.lat === 'number' && typeof point.lon === 'number' &&
        isFinite(point.lat) && isFinite(point.lon) &&
        Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180;
    });
  }

  // Only links to this site or to http(s) pages; anything else (javascript:, data:) is dropped.
  function SafeUrl(url) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function PopupContent(point) {
    var box = document.createElement('div');
    var name = typeof point.name === 'string' ? point.name : '';
    var url = SafeUrl(point.url);
    var node = document.createElement(url ? 'a' : 'span');
    if (url) node.href = url;
    node.textContent = name;
    box.appendChild(node);
    return box;
  }

  // Leaflet writes its attribution as HTML, so the page's text is escaped here first.
  function EscapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function DrawMap(anchor, L) {
    var points = ParsePoints(anchor.getAttribute('data-points'));
    if (points.length === 0) return;

    anchor.classList.add('kp-map');
    anchor.setAttribute('role', 'region');
    anchor.setAttribute('aria-label', anchor.getAttribute('data-label') || 'Map');
    // Widens the results layout to its two-column form before Leaflet measures the container.
    var layout = anchor.closest('.kp-results-layout');
    if (layout) layout.classList.add('kp-results-layout--with-map');

    var map = L.map(anchor, {
      keyboard: true,
      scrollWheelZoom: false, // the wheel keeps scrolling the page; + and − still zoom
      zoomControl: false
    });
    L.control.zoom({
      zoomInTitle: anchor.getAttribute('data-zoom-in') || 'Zoom in',
      zoomOutTitle: anchor.getAttribute('data-zoom-out') || 'Zoom out'
    }).addTo(map);
    var attribution = anchor.getAttribute('data-tiles-attribution') || '© OpenStreetMap contributors';
    L.tileLayer(kTileUrl, {
      maxZoom: 19,
      attribution: '<a href="' + kCopyrightUrl + '">' + EscapeHtml(attribution) + '</a>'
    }).addTo(map);

    var bounds = [];
    points.forEach(function (point) {
      var name = typeof point.name === 'string' ? point.name : '';
      L.marker([point.lat, point.lon], { alt: name, title: name, keyboard: true })
        .bindPopup(PopupContent(point))
        .addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  }

  function Start() {
    var L = window.L;
    if (!L || typeof L.map !== 'function') return;
    var anchors = document.querySelectorAll('.kp-map-anchor');
    for (var i = 0; i < anchors.length; ++i) DrawMap(anchors[i], L);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', Start);
  } else {
    Start();
  }
})();
