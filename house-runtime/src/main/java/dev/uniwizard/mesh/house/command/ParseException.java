package dev.uniwizard.mesh.house.command;

/** A command that cannot be read; the message says what is wrong and where (1-based column). */
public class ParseException extends Exception {

    private final int column;

    public ParseException(String problem, int offset) {
        super(problem + " at column " + (offset + 1));
        this.column = offset + 1;
    }

    /** 1-based column in the operator's text where the problem is. */
    public int column() {
        return column;
    }
}
