package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks that chart files are what they claim: a decodable PNG, a well-formed SVG. */
final class PlotFiles {

    private PlotFiles() {}

    static BufferedImage assertPng(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as(file + " decodes as an image").isNotNull();
            assertThat(image.getWidth()).isGreaterThan(400);
            assertThat(image.getHeight()).isGreaterThan(200);
            // Not blank: more than a handful of colours.
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int x = 0; x < image.getWidth(); x += 7) {
                for (int y = 0; y < image.getHeight(); y += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours.size()).as(file + " has something drawn").isGreaterThan(3);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document assertSvg(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
            assertThat(Files.size(file)).isGreaterThan(1000);
            return document;
        } catch (Exception e) {
            throw new AssertionError(file + " is not well-formed SVG: " + e.getMessage(), e);
        }
    }
}
