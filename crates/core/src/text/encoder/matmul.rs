//! Single-precision matrix products: `ndarray`'s safe front to `matrixmultiply`'s sgemm.

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2, ShapeBuilder};

/// A row-major `k × n` weight matrix, the right-hand side of [`matmul`].
#[derive(Debug, Clone)]
pub(crate) struct Matrix {
    k: usize,
    n: usize,
    w: Vec<f32>,
}

impl Matrix {
    /// Takes a row-major `k × n` matrix.
    pub fn new(w: Vec<f32>, k: usize, n: usize) -> Self {
        assert_eq!(w.len(), k * n, "matrix shape");
        Matrix { k, n, w }
    }
}

/// `c = a · b` for `m` rows: `a` is `m × k` with row stride `lda`, `c` is `m × n` (`b` is `k × n`)
/// with row stride `ldc`; only those `n` columns of each row are written. matrixmultiply picks
/// AVX2/FMA kernels at run time where the CPU has them, whatever the build's target CPU.
pub(crate) fn matmul(a: &[f32], lda: usize, m: usize, b: &Matrix, c: &mut [f32], ldc: usize) {
    if m == 0 {
        return;
    }
    let (k, n) = (b.k, b.n);
    let a = ArrayView2::from_shape((m, k).strides((lda, 1)), &a[..(m - 1) * lda + k])
        .expect("a's shape");
    let w = ArrayView2::from_shape((k, n), &b.w[..]).expect("b's shape");
    let mut c = ArrayViewMut2::from_shape((m, n).strides((ldc, 1)), &mut c[..(m - 1) * ldc + n])
        .expect("c's shape");
    general_mat_mul(1.0, &a, &w, 0.0, &mut c);
}
