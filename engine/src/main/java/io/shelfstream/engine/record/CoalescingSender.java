package io.shelfstream.engine.record;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.IngestReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one command in flight per entity from this node. An entity persists one command at a
 * time: commands that reach it meanwhile are stashed, then persisted one by one, each waiting for
 * its own journal write. Here, events for an entity that arrive while its command is in flight wait
 * instead, and all of them (up to {@code maxEventsPerCommand}) go in its next command: under load,
 * a busy entity makes few large journal writes instead of many small ones.
 */
final class CoalescingSender<E> {

  /** Sends one command with these events to the entity; answers one status per event. */
  interface Send<E> {
    CompletionStage<IngestReply> send(String entityId, List<E> events);
  }

  private record Waiting<E>(List<E> events, CompletableFuture<List<Fate>> answer) {}

  private static final class Lane<E> {
    final ArrayDeque<Waiting<E>> waiting = new ArrayDeque<>();
    boolean inFlight;
  }

  private final Map<String, Lane<E>> lanes = new ConcurrentHashMap<>();
  private final Send<E> sender;
  private final int maxEventsPerCommand;

  CoalescingSender(Send<E> sender, int maxEventsPerCommand) {
    this.sender = sender;
    this.maxEventsPerCommand = maxEventsPerCommand;
  }

  /** Completes with one status per event, in order, once the entity answered their command. */
  CompletableFuture<List<Fate>> submit(String entityId, List<E> events) {
    var waiting = new Waiting<E>(events, new CompletableFuture<>());
    Lane<E> lane = lanes.computeIfAbsent(entityId, id -> new Lane<>());
    List<Waiting<E>> command = null;
    synchronized (lane) {
      lane.waiting.add(waiting);
      if (!lane.inFlight) {
        lane.inFlight = true;
        command = takeCommand(lane);
      }
    }
    if (command != null) {
      send(entityId, lane, command);
    }
    return waiting.answer;
  }

  private void send(String entityId, Lane<E> lane, List<Waiting<E>> command) {
    List<E> events = new ArrayList<>();
    command.forEach(waiting -> events.addAll(waiting.events));
    CompletionStage<IngestReply> reply;
    try {
      reply = direct(sender.send(entityId, events));
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    reply.whenComplete(
        (answer, error) -> {
          List<Waiting<E>> next;
          synchronized (lane) {
            next = lane.waiting.isEmpty() ? null : takeCommand(lane);
            if (next == null) {
              lane.inFlight = false;
              // a lane is dropped once idle, so that the map holds busy entities only; a caller
              // that got the lane just before still sends through it, which stays correct
              lanes.remove(entityId, lane);
            }
          }
          if (next != null) {
            send(entityId, lane, next);
          }
          answer(command, answer, error);
        });
  }

  private List<Waiting<E>> takeCommand(Lane<E> lane) {
    List<Waiting<E>> command = new ArrayList<>();
    int events = 0;
    while (!lane.waiting.isEmpty()
        && (command.isEmpty()
            || events + lane.waiting.peekFirst().events.size() <= maxEventsPerCommand)) {
      Waiting<E> first = lane.waiting.pollFirst();
      command.add(first);
      events += first.events.size();
    }
    return command;
  }

  private static <E> void answer(List<Waiting<E>> command, IngestReply reply, Throwable error) {
    int offset = 0;
    for (Waiting<E> waiting : command) {
      int size = waiting.events.size();
      if (error != null) {
        waiting.answer.completeExceptionally(error);
      } else if (reply.isFailure()) {
        waiting.answer.completeExceptionally(new NotDurableException(reply.failure()));
      } else {
        waiting.answer.complete(reply.fates().subList(offset, offset + size));
      }
      offset += size;
    }
  }
}
