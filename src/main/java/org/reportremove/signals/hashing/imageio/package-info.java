/**
 * Decodes image files with Java ImageIO (and TwelveMonkeys for WebP and CMYK JPEG) into the
 * pixels the hashing core takes, reproducing the pixel conventions of the PDQ reference tool.
 * For desktop apps and the command; Android apps decode with their own platform instead.
 */
package org.reportremove.signals.hashing.imageio;
