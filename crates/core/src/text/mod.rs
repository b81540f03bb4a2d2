//! Segmentation and normalization: paragraphs → sentences → tokens with byte ranges into a body.
