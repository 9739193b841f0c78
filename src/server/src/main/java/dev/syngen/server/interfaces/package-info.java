/**
 * The entry points the container calls: REST resources, console Faces beans, the WebSocket and
 * streaming endpoints, Jakarta Batch artifacts and the message-driven consumer. They translate
 * requests into one application-service call and map the result back.
 */
package dev.syngen.server.interfaces;
