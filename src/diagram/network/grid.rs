//! A uniform grid of boxes, so the layout asks "what is near this box?" of a few cells instead of
//! every entry on the map: the words of a map of 300 entries are placed in a few milliseconds,
//! not a hundred. Things beyond the grid's edge are kept in its edge cells, so a query there
//! still finds them.

use super::rect::Rect;

/// Cells of `CELL` drawing units square over a fixed area; each holds the indices of the things
/// whose boxes touch it.
pub struct Grid {
    x0: f64,
    y0: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    /// The query number each thing was last seen in, so a thing in several cells is found once.
    seen: Vec<u32>,
    query: u32,
}

const CELL: f64 = 64.0;

impl Grid {
    /// A grid over `area`, for up to `n` things (more may be added).
    pub fn over(area: Rect, n: usize) -> Self {
        let cols = ((area.w / CELL).ceil() as usize).clamp(1, 256);
        let rows = ((area.h / CELL).ceil() as usize).clamp(1, 256);
        Grid {
            x0: area.x,
            y0: area.y,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            seen: Vec::with_capacity(n),
            query: 0,
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let col = |x: f64| (((x - self.x0) / CELL).floor().max(0.0) as usize).min(self.cols - 1);
        let row = |y: f64| (((y - self.y0) / CELL).floor().max(0.0) as usize).min(self.rows - 1);
        (col(r.x), row(r.y), col(r.x + r.w), row(r.y + r.h))
    }

    /// Files thing `id` under every cell its box `r` touches.
    pub fn insert(&mut self, id: usize, r: &Rect) {
        if self.seen.len() <= id {
            self.seen.resize(id + 1, 0);
        }
        let (c0, r0, c1, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(id as u32);
            }
        }
    }

    /// Calls `f` once for each thing filed under a cell that box `r` touches: every thing whose
    /// box overlaps `r` among them (and some that do not, for `f` to check).
    pub fn near(&mut self, r: &Rect, mut f: impl FnMut(usize)) {
        self.near_while(r, |id| {
            f(id);
            true
        });
    }

    /// As [`Grid::near`], stopping as soon as `f` says `false` (the rest need not be looked at).
    pub fn near_while(&mut self, r: &Rect, mut f: impl FnMut(usize) -> bool) {
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.query = 1;
        }
        let (c0, r0, c1, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &id in &self.cells[row * self.cols + col] {
                    let seen = &mut self.seen[id as usize];
                    if *seen != self.query {
                        *seen = self.query;
                        if !f(id as usize) {
                            return;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn finds_each_overlapping_box_once_and_skips_far_ones() {
        let mut g = Grid::over(rect(-500.0, -500.0, 1000.0, 1000.0), 3);
        g.insert(0, &rect(-10.0, -10.0, 300.0, 20.0)); // spans several cells
        g.insert(1, &rect(400.0, 400.0, 10.0, 10.0));
        g.insert(2, &rect(2000.0, 2000.0, 10.0, 10.0)); // beyond the edge: kept at the edge
        let mut found = Vec::new();
        g.near(&rect(0.0, -5.0, 250.0, 10.0), |i| found.push(i));
        assert_eq!(found, vec![0]);
        found.clear();
        g.near(&rect(1500.0, 1500.0, 600.0, 600.0), |i| found.push(i));
        assert_eq!(found, vec![2]);
        found.clear();
        g.near(&rect(-600.0, -600.0, 1300.0, 1300.0), |i| found.push(i));
        found.sort_unstable();
        assert_eq!(found, vec![0, 1, 2]);
        let mut asked = 0;
        g.near_while(&rect(-600.0, -600.0, 1300.0, 1300.0), |_| {
            asked += 1;
            false
        });
        assert_eq!(asked, 1, "stops when told");
    }
}
