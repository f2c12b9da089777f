/**
 * The start-up tuning that pays on a restart as deployed (docs/design.md, ADR-46), in one place: the database opened
 * on a thread of its own ({@link io.minipass.bootstrap.startup.StartingPart}), Jetty told its cache line
 * ({@link io.minipass.bootstrap.startup.JettyCacheLine}) and the platforms' HTTP client built by its first call
 * ({@link io.minipass.bootstrap.startup.FirstUseHttpClient}). Two more act where they must: the web adapter's
 * {@code Routes}, which let the server answer before the database is open, and the command line's plain serve, which
 * runs without picocli's model ({@code cli.MinipassCommand.execute}).
 */
package io.minipass.bootstrap.startup;
