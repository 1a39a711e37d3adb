//! Fitting a drawing to the screen when a drawer or sheet covers part of it: the drawing is
//! scaled to the part left uncovered, so at "fit to screen" nobody is hidden under the panel,
//! while the drawing itself keeps the whole screen for panning and zooming.

/// A rectangle: x, y, width, height.
pub type Rect = (f64, f64, f64, f64);

/// The view box (in drawing units) that shows `extent` as large as it fits in `free` (a part
/// of the canvas, in pixels from the canvas's top left) on a canvas of `canvas` pixels
/// (width, height). The view box has the canvas's own proportions, so the browser maps it
/// onto the canvas exactly and `free` is where the drawing lands.
pub fn fit_into(extent: Rect, canvas: (f64, f64), free: Rect) -> Rect {
    let (x, y, w, h) = extent;
    let (cw, ch) = (canvas.0.max(1.0), canvas.1.max(1.0));
    let (fx, fy, fw, fh) = free;
    // A free part too small to use (a panel over nearly everything): fit the whole canvas.
    let (fx, fy, fw, fh) = if fw < 80.0 || fh < 80.0 {
        (0.0, 0.0, cw, ch)
    } else {
        (fx, fy, fw, fh)
    };
    let k = (fw / w.max(1.0)).min(fh / h.max(1.0));
    let (vw, vh) = (cw / k, ch / k);
    let vx = x + w / 2.0 - (fx + fw / 2.0) / k;
    let vy = y + h / 2.0 - (fy + fh / 2.0) / k;
    (vx, vy, vw, vh)
}

/// Pixels per drawing unit when `view` is shown on a canvas of `canvas` pixels (the browser
/// scales by the smaller ratio and centres the rest).
pub fn scale(view: Rect, canvas: (f64, f64)) -> f64 {
    (canvas.0 / view.2.max(1e-9)).min(canvas.1 / view.3.max(1e-9))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a drawing point lands on the canvas, as the browser draws `view` ("meet").
    fn to_screen(view: Rect, canvas: (f64, f64), (px, py): (f64, f64)) -> (f64, f64) {
        let k = scale(view, canvas);
        let ox = (canvas.0 - view.2 * k) / 2.0;
        let oy = (canvas.1 - view.3 * k) / 2.0;
        (ox + (px - view.0) * k, oy + (py - view.1) * k)
    }

    #[test]
    fn the_drawing_lands_inside_the_part_a_drawer_leaves_free() {
        let extent = (-500.0, -400.0, 1000.0, 800.0);
        let canvas = (1000.0, 700.0);
        // A drawer 340 px wide over the right of the canvas.
        let free = (0.0, 0.0, 660.0, 700.0);
        let view = fit_into(extent, canvas, free);
        let (x0, y0) = to_screen(view, canvas, (extent.0, extent.1));
        let (x1, y1) = to_screen(view, canvas, (extent.0 + extent.2, extent.1 + extent.3));
        assert!(x0 >= -1e-6 && x1 <= 660.0 + 1e-6, "{x0} {x1}");
        assert!(y0 >= -1e-6 && y1 <= 700.0 + 1e-6, "{y0} {y1}");
        // As large as it fits: it touches the free part's left and right edges.
        assert!((x1 - x0 - 660.0).abs() < 1e-6);
        assert!((scale(view, canvas) - 0.66).abs() < 1e-9);
    }

    #[test]
    fn a_sheet_below_moves_the_drawing_up_and_no_panel_uses_the_whole_canvas() {
        let extent = (0.0, 0.0, 400.0, 400.0);
        let canvas = (700.0, 900.0);
        let view = fit_into(extent, canvas, (0.0, 0.0, 700.0, 500.0));
        let (_, y1) = to_screen(view, canvas, (400.0, 400.0));
        assert!(y1 <= 500.0 + 1e-6);
        let whole = fit_into(extent, canvas, (0.0, 0.0, 700.0, 900.0));
        assert!((scale(whole, canvas) - 1.75).abs() < 1e-9);
        // A free part too small to use fits the whole canvas instead.
        assert_eq!(fit_into(extent, canvas, (0.0, 0.0, 30.0, 900.0)), whole);
    }
}
