package org.incidentkb.common;

import java.util.Locale;

/** Reads an Accept-Encoding header (RFC 9110 §12.5.3): whether a content coding is acceptable to the client. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether the header accepts the coding: named with a q above 0, or covered by {@code *} with a q above 0 and not
     * named with q=0. No header accepts only the identity.
     */
    public static boolean accepts(String header, String coding) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean named = null;
        boolean any = false;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = quality(pieces) > 0;
            if (name.equals(coding)) {
                named = wanted;
            } else if (name.equals("*")) {
                any = wanted;
            }
        }
        return named != null ? named : any;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
