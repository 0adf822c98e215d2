package org.wsched.sim.io;

/**
 * Splits one text line into whitespace-separated tokens without regular expressions or
 * per-token allocation of anything but the token itself, and parses integers with clear errors.
 * Used by the line-based readers, which must handle files of tens of millions of lines.
 */
final class LineTokens {
    private String line;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int count;

    /** Splits {@code text} into tokens (as many as it has: an STG exit task may list hundreds of predecessors). */
    void reset(String text) {
        line = text;
        count = 0;
        int i = 0;
        int len = text.length();
        while (true) {
            while (i < len && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int s = i;
            while (i < len && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, 2 * count);
                end = java.util.Arrays.copyOf(end, 2 * count);
            }
            start[count] = s;
            end[count] = i;
            count++;
        }
    }

    int count() {
        return count;
    }

    String token(int i) {
        return line.substring(start[i], end[i]);
    }

    boolean tokenEquals(int i, String s) {
        return end[i] - start[i] == s.length() && line.startsWith(s, start[i]);
    }

    /** Parses token i as a long, or returns {@code Long.MIN_VALUE} if it is not one. */
    long longOrMin(int i) {
        int s = start[i];
        int e = end[i];
        boolean neg = false;
        if (line.charAt(s) == '-' || line.charAt(s) == '+') {
            neg = line.charAt(s) == '-';
            s++;
        }
        if (s == e || e - s > 18) {
            return slowParse(i);
        }
        long x = 0;
        for (int k = s; k < e; k++) {
            int d = line.charAt(k) - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            x = x * 10 + d;
        }
        return neg ? -x : x;
    }

    private long slowParse(int i) {
        try {
            return Long.parseLong(token(i));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
